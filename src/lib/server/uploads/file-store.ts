/**
 * Where uploaded documents, answer files and library files are kept. Use cases only see this
 * interface; the back end is chosen once at start (decision 036): the database by default, or an
 * S3-compatible object store when STORAGE_URL names one.
 */
export type FileBody = Uint8Array | Blob;

export type StoredFile = { size: number; stream: ReadableStream<Uint8Array> };

export interface FileStore {
	readonly kind: 'database' | 's3';
	/** Stores the bytes under a new random key (or the given one, when moving files) and returns it. */
	put(body: FileBody, key?: string): Promise<string>;
	/** The file's bytes as a stream, or null when nothing is stored under the key. */
	open(key: string): Promise<StoredFile | null>;
	/** Removes the file; removing a missing key is not an error. */
	remove(key: string): Promise<void>;
	/** Every key the store holds, in no particular order (backups copy them one by one). */
	list(): AsyncIterable<string>;
}

/** Size of the pieces a body is cut into on its way to storage. */
export const CHUNK_BYTES = 256 * 1024;

/** Cuts a body into pieces of CHUNK_BYTES (the last one shorter) without copying a Uint8Array. */
export async function* chunksOf(body: FileBody, size = CHUNK_BYTES): AsyncGenerator<Uint8Array> {
	if (body instanceof Uint8Array) {
		for (let at = 0; at < body.byteLength; at += size) yield body.subarray(at, Math.min(at + size, body.byteLength));
		return;
	}
	let pending = new Uint8Array(size);
	let filled = 0;
	for await (const part of body.stream() as unknown as AsyncIterable<Uint8Array>) {
		let at = 0;
		while (at < part.byteLength) {
			const n = Math.min(size - filled, part.byteLength - at);
			pending.set(part.subarray(at, at + n), filled);
			filled += n;
			at += n;
			if (filled === size) {
				yield pending;
				pending = new Uint8Array(size);
				filled = 0;
			}
		}
	}
	if (filled > 0) yield pending.subarray(0, filled);
}

/** Reads a whole stored file; for tests and small files only. */
export async function readAll(file: StoredFile): Promise<Uint8Array> {
	return new Uint8Array(await new Response(file.stream).arrayBuffer());
}
