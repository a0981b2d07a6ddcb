// `npm run storage:migrate`: moves files that earlier versions kept under DATA_DIR/uploads into
// the configured file store (the database, or STORAGE_URL), under the same keys, so the rows that
// name them stay valid. Safe to run again: files already in the store are only removed from disk.
// With embedded PGlite, stop the server first (one process per data directory).
import { openAsBlob } from 'node:fs';
import { readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfig } from '#lib/server/config.ts';
import { openDatabase } from '#lib/server/db/client.ts';
import { openFileStore } from '#lib/server/uploads/open-store.ts';
import { uploadsDir } from '#lib/server/uploads/storage.ts';

const config = parseConfig();
const dir = uploadsDir(config.dataDir);
const names = await readdir(dir).catch(() => [] as string[]);
if (names.length === 0) {
	console.log(`Nothing to move: ${dir} holds no files.`);
	process.exit(0);
}
const database = openDatabase(config);
await database.migrate();
const store = openFileStore(database.db, config.storageUrl);
let moved = 0;
let failed = 0;
for (const name of names) {
	const path = join(dir, name);
	try {
		// A file-backed Blob is read from disk as it is sent, never whole.
		const blob = await openAsBlob(path);
		const existing = await store.open(name);
		if (existing) await existing.stream.cancel();
		else await store.put(blob, name);
		const check = await store.open(name);
		await check?.stream.cancel();
		if (check?.size !== blob.size) throw new Error(`stored size ${check?.size} differs from ${blob.size} on disk`);
		await rm(path);
		moved += 1;
	} catch (err) {
		failed += 1;
		console.error(`${name}: not moved (${(err as Error).message}); it stays on disk.`);
	}
}
await database.close();
if (failed === 0) await rmdir(dir).catch(() => {});
console.log(`Moved ${moved} file(s) into the ${store.kind === 's3' ? 'object store' : 'database'}${failed ? `; ${failed} could not be moved` : ''}.`);
process.exit(failed ? 1 : 0);
