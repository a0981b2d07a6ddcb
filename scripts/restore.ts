// `npm run restore -- FILE`: brings an archive written by `npm run backup` back into an EMPTY
// database (the one DATABASE_URL or DATA_DIR names), from either engine into either engine.
// Run it before starting the hub on that database; a database holding any row is refused.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { restoreBackup } from '#lib/server/backup/restore-backup.ts';
import { parseConfig } from '#lib/server/config.ts';
import { openDatabase } from '#lib/server/db/client.ts';
import { DataDirLockedError } from '#lib/server/db/data-dir-lock.ts';
import { orExit } from '#lib/server/ops/or-exit.ts';
import { openFileStore } from '#lib/server/uploads/open-store.ts';

const file = process.argv[2];
if (!file) {
	console.error('Usage: npm run restore -- FILE   (an archive written by npm run backup)');
	process.exit(2);
}
const started = performance.now();
const cfg = orExit(() => parseConfig());
const database = orExit(() => {
	try {
		return openDatabase({ ...cfg, dbStatementTimeoutMs: 3_600_000, dbPoolSize: 2 });
	} catch (e) {
		if (e instanceof DataDirLockedError)
			throw Object.assign(new Error(), { exitMessage: `Not restored: the hub (process ${e.holder.pid}) is running on ${cfg.dataDir}. Restore into a new DATA_DIR, with no hub running on it.` });
		throw e;
	}
});

try {
	const s = await restoreBackup({
		database,
		path: resolve(file),
		filesFor: (db) => openFileStore(db, cfg.storageUrl),
		log: (line) => console.log(line)
	});
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`Restored ${s.tables} tables (${s.rows} rows) and ${s.files} files into ${database.kind} in ${seconds} s.`);
	const fingerprint = (v: string) => createHash('sha256').update(v).digest('hex');
	const envSecret = process.env.AUTH_SECRET;
	if (s.authSecret && !envSecret) {
		// The hub reads its generated secret from DATA_DIR: put the one the data was made with there.
		writeFileSync(join(cfg.dataDir, 'auth-secret'), s.authSecret + '\n', { mode: 0o600 });
		console.log(`The backed-up AUTH_SECRET was written to ${join(cfg.dataDir, 'auth-secret')}: sessions and links mailed before the backup keep working.`);
	} else if (fingerprint(envSecret ?? cfg.authSecret) !== s.header.secrets.authSecretSha256) {
		console.log(
			s.authSecret
				? 'Warning: AUTH_SECRET in the environment differs from the one in the archive (secrets/auth-secret). Use that value, or everyone is signed out and links mailed earlier stop working.'
				: 'Warning: AUTH_SECRET differs from the one the backed-up hub used (it is not in the archive). Set AUTH_SECRET to that value, or everyone is signed out and links mailed earlier stop working.'
		);
	}
} catch (e) {
	const line = (e as { exitMessage?: string }).exitMessage;
	console.error(line ? `Not restored: ${line}` : `Restore failed, nothing was kept: ${(e as Error).message}`);
	process.exitCode = 1;
} finally {
	await database.close();
}
