import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, readAll, type FileStore } from './file-store.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * What every storage back end promises, run against each of them (database on both engines,
 * S3 against a local S3-protocol server).
 */
export function fileStoreContract(name: string, store: () => FileStore) {
	describe(`${name} file store`, () => {
		it('gives back exactly the bytes it was given, across chunk boundaries', async () => {
			const bytes = new Uint8Array(randomBytes(CHUNK_BYTES * 2 + 12_345));
			const key = await store().put(bytes);
			const file = await store().open(key);
			expect(file?.size).toBe(bytes.byteLength);
			expect(sha(await readAll(file!))).toBe(sha(bytes));
		});

		it('streams a 10 MB file in pieces rather than as one buffer', async () => {
			const bytes = new Uint8Array(randomBytes(10 * 1024 * 1024));
			const key = await store().put(new Blob([bytes]));
			const file = await store().open(key);
			const hash = createHash('sha256');
			let pieces = 0;
			let largest = 0;
			for await (const piece of file!.stream as unknown as AsyncIterable<Uint8Array>) {
				hash.update(piece);
				pieces += 1;
				largest = Math.max(largest, piece.byteLength);
			}
			expect(hash.digest('hex')).toBe(sha(bytes));
			expect(pieces).toBeGreaterThan(4);
			expect(largest).toBeLessThanOrEqual(2 * 1024 * 1024);
		});

		it('keeps an empty file and a key given by the caller', async () => {
			const key = await store().put(new Uint8Array(0), `moved-${Date.now()}`);
			expect(key).toMatch(/^moved-/);
			const file = await store().open(key);
			expect(file?.size).toBe(0);
			expect((await readAll(file!)).byteLength).toBe(0);
		});

		it('answers null for a key it does not hold, and removal is final and repeatable', async () => {
			expect(await store().open('00000000-0000-4000-8000-000000000000')).toBeNull();
			const key = await store().put(new TextEncoder().encode('Acta de la reunión'));
			await store().remove(key);
			expect(await store().open(key)).toBeNull();
			await expect(store().remove(key)).resolves.toBeUndefined();
		});

		it('lists the keys it holds, and no longer a removed one', async () => {
			const kept = await store().put(new TextEncoder().encode('kept'));
			const gone = await store().put(new TextEncoder().encode('gone'));
			await store().remove(gone);
			const keys: string[] = [];
			for await (const key of store().list()) keys.push(key);
			expect(keys).toContain(kept);
			expect(keys).not.toContain(gone);
			expect(new Set(keys).size).toBe(keys.length);
		});
	});
}
