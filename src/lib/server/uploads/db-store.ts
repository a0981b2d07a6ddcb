import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { chunksOf, type FileBody, type FileStore } from './file-store.ts';
import { storedFileChunks, storedFiles } from './schema.ts';

/**
 * Files in the database, in 256 KB chunks: one statement per chunk each way, so a 10 MB file
 * costs 40 small statements and never sits whole in the server's memory. Chunks are written
 * outside a transaction on purpose: on PGlite a transaction would hold the only connection for
 * the whole upload. The header row, written last, is what makes the file visible.
 */
export function databaseFileStore(db: Db): FileStore {
	async function remove(key: string) {
		await db.delete(storedFiles).where(eq(storedFiles.key, key));
		await db.delete(storedFileChunks).where(eq(storedFileChunks.fileKey, key));
	}
	return {
		kind: 'database',
		async put(body: FileBody, key = randomUUID()) {
			let seq = 0;
			let size = 0;
			try {
				for await (const data of chunksOf(body)) {
					await db.insert(storedFileChunks).values({ fileKey: key, seq, data });
					seq += 1;
					size += data.byteLength;
				}
				await db.insert(storedFiles).values({ key, sizeBytes: size, chunkCount: seq });
			} catch (err) {
				await db.delete(storedFileChunks).where(eq(storedFileChunks.fileKey, key)).catch(() => {});
				throw err;
			}
			return key;
		},
		async open(key: string) {
			const [head] = await db.select().from(storedFiles).where(eq(storedFiles.key, key));
			if (!head) return null;
			let seq = 0;
			const stream = new ReadableStream<Uint8Array>({
				async pull(controller) {
					if (seq >= head.chunkCount) return controller.close();
					const [row] = await db
						.select({ data: storedFileChunks.data })
						.from(storedFileChunks)
						.where(and(eq(storedFileChunks.fileKey, key), eq(storedFileChunks.seq, seq)));
					if (!row) return controller.error(new Error(`stored file ${key} lacks chunk ${seq}`));
					seq += 1;
					controller.enqueue(row.data);
				}
			});
			return { size: head.sizeBytes, stream };
		},
		remove,
		async *list() {
			// In pages by key, so a store with many files is never read into memory at once.
			let after = '';
			for (;;) {
				const page = await db.select({ key: storedFiles.key }).from(storedFiles).where(gt(storedFiles.key, after)).orderBy(asc(storedFiles.key)).limit(500);
				for (const row of page) yield row.key;
				if (page.length < 500) return;
				after = page[page.length - 1].key;
			}
		}
	};
}
