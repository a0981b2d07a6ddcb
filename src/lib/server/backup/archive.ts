import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream';
import { createGunzip, createGzip, type Gzip } from 'node:zlib';

/**
 * A backup is a gzip-compressed tar archive (ustar), so that `tar -tzf` lists it and `tar -xzf`
 * unpacks it without Support Hub. Entries are written one after another as they are produced;
 * a sha256 of each is kept for the table of contents written at the end.
 */

const BLOCK = 512;

export class ArchiveError extends Error {
	readonly exitMessage: string;
	constructor(message: string) {
		super(message);
		this.name = 'ArchiveError';
		this.exitMessage = message;
	}
}

function octal(value: number, width: number): string {
	return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mtime: Date): Buffer {
	const nameBytes = Buffer.from(name, 'utf8');
	if (nameBytes.length > 99) throw new Error(`archive entry name too long: ${name}`);
	const h = Buffer.alloc(BLOCK);
	nameBytes.copy(h, 0);
	h.write(octal(0o600, 8), 100, 'ascii');
	h.write(octal(0, 8), 108, 'ascii');
	h.write(octal(0, 8), 116, 'ascii');
	h.write(octal(size, 12), 124, 'ascii');
	h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
	h.fill(0x20, 148, 156);
	h.write('0', 156, 'ascii');
	h.write('ustar\0', 257, 'ascii');
	h.write('00', 263, 'ascii');
	let sum = 0;
	for (const b of h) sum += b;
	h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
	return h;
}

export type EntryDigest = { name: string; size: number; sha256: string };

export class ArchiveWriter {
	private readonly gzip: Gzip;
	private readonly file: WriteStream;
	private readonly finished: Promise<void>;
	readonly entries: EntryDigest[] = [];
	private readonly now = new Date();

	constructor(path: string) {
		this.gzip = createGzip({ level: 6 });
		// Personal data and, possibly, the hub's secret: readable by the owner only.
		this.file = createWriteStream(path, { mode: 0o600, flags: 'wx' });
		this.gzip.pipe(this.file);
		this.finished = new Promise((resolve, reject) => {
			this.file.on('finish', resolve);
			this.file.on('error', reject);
			this.gzip.on('error', reject);
		});
		// Errors surface through `finished`; without a listener an early one would end the process.
		this.finished.catch(() => {});
	}

	private async write(chunk: Uint8Array) {
		if (!this.gzip.write(chunk)) await Promise.race([once(this.gzip, 'drain'), this.finished]);
	}

	/** Adds an entry whose bytes are all at hand. */
	async add(name: string, data: Uint8Array | string) {
		const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
		await this.addStream(name, bytes.byteLength, [bytes]);
	}

	/** Adds an entry of a known size whose bytes arrive in pieces (a stored file). */
	async addStream(name: string, size: number, body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
		const hash = createHash('sha256');
		await this.write(header(name, size, this.now));
		let written = 0;
		for await (const piece of body) {
			written += piece.byteLength;
			if (written > size) throw new Error(`${name}: more bytes than the ${size} announced`);
			hash.update(piece);
			await this.write(piece);
		}
		if (written !== size) throw new Error(`${name}: ${written} bytes instead of the ${size} announced`);
		const pad = (BLOCK - (size % BLOCK)) % BLOCK;
		if (pad) await this.write(Buffer.alloc(pad));
		this.entries.push({ name, size, sha256: hash.digest('hex') });
	}

	async close() {
		// Two zero blocks end a tar archive.
		this.gzip.end(Buffer.alloc(BLOCK * 2));
		await this.finished;
	}

	/** Stops writing after a failure; the caller removes the partial file. */
	async abort() {
		this.gzip.destroy();
		this.file.destroy();
	}
}

/** Pulls exact byte counts out of a stream of pieces. */
class ByteReader {
	private pieces: Buffer[] = [];
	private have = 0;
	private done = false;
	private readonly source: AsyncIterator<Buffer>;
	constructor(source: AsyncIterator<Buffer>) {
		this.source = source;
	}

	async take(n: number): Promise<Buffer | null> {
		while (this.have < n && !this.done) {
			const next = await this.source.next();
			if (next.done) this.done = true;
			else {
				this.pieces.push(next.value);
				this.have += next.value.length;
			}
		}
		if (this.have < n) return null;
		const all = this.pieces.length === 1 ? this.pieces[0] : Buffer.concat(this.pieces, this.have);
		const rest = all.subarray(n);
		this.pieces = rest.length ? [rest] : [];
		this.have = rest.length;
		return all.subarray(0, n);
	}
}

function field(h: Buffer, offset: number, length: number): string {
	const raw = h.subarray(offset, offset + length);
	const end = raw.indexOf(0);
	return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

export type ArchiveEntry = { name: string; data: Buffer };

/** Reads the archive's regular-file entries in order, each whole (table parts are bounded, files are upload-sized). */
export async function* readArchive(path: string): AsyncGenerator<ArchiveEntry> {
	// pipeline() hands a failure of the file (missing, unreadable) on to the stream being read.
	const source = pipeline(createReadStream(path), createGunzip(), () => {});
	const reader = new ByteReader(source[Symbol.asyncIterator]());
	try {
		for (;;) {
			const h = await reader.take(BLOCK);
			if (!h) throw new ArchiveError(`${path} ends early: the archive is incomplete.`);
			if (h.every((b) => b === 0)) return;
			let sum = 0;
			for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
			if (parseInt(field(h, 148, 8).trim(), 8) !== sum) throw new ArchiveError(`${path} is not a Support Hub backup (damaged tar header).`);
			const prefix = field(h, 345, 155);
			const name = (prefix ? prefix + '/' : '') + field(h, 0, 100);
			const size = parseInt(field(h, 124, 12).trim() || '0', 8);
			const type = String.fromCharCode(h[156] || 0x30);
			const data = await reader.take(size);
			if (!data) throw new ArchiveError(`${path} ends early in ${name}: the archive is incomplete.`);
			const pad = (BLOCK - (size % BLOCK)) % BLOCK;
			if (pad && !(await reader.take(pad))) throw new ArchiveError(`${path} ends early: the archive is incomplete.`);
			if (type === '0') yield { name, data };
		}
	} catch (e) {
		if (e instanceof ArchiveError) throw e;
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new ArchiveError(`${path} does not exist.`);
		if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || /unexpected end of file|incorrect header check/i.test(String(e)))
			throw new ArchiveError(`${path} is damaged or not a Support Hub backup (${(e as Error).message}).`);
		throw e;
	} finally {
		source.destroy();
	}
}

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
