// `npm run backup [-- FILE]`: writes one archive (tar.gz) holding every table of the hub, every
// stored file and, when the hub generated it, its AUTH_SECRET. Without FILE it is written to
// backups/support-hub-<UTC time>.tar.gz under the current folder. On PostgreSQL it runs while the
// hub serves (one consistent snapshot); the embedded database must be stopped first.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { takeBackup } from '#lib/server/backup/take-backup.ts';
import { parseConfig } from '#lib/server/config.ts';
import { openDatabase } from '#lib/server/db/client.ts';
import { DataDirLockedError } from '#lib/server/db/data-dir-lock.ts';
import { orExit } from '#lib/server/ops/or-exit.ts';
import { openFileStore } from '#lib/server/uploads/open-store.ts';

const started = performance.now();
const cfg = orExit(() => parseConfig());
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const path = resolve(process.argv[2] ?? join('backups', `support-hub-${stamp}.tar.gz`));
mkdirSync(dirname(path), { recursive: true });

if (!cfg.databaseUrl && !existsSync(join(cfg.dataDir, 'pglite'))) {
	console.error(`Nothing to back up: ${join(cfg.dataDir, 'pglite')} does not exist. Set DATA_DIR (or DATABASE_URL) as for the hub.`);
	process.exit(1);
}

const database = orExit(() => {
	try {
		// Backups may read large tables: no statement limit meant for requests.
		return openDatabase({ ...cfg, dbStatementTimeoutMs: 3_600_000, dbPoolSize: 2 });
	} catch (e) {
		if (e instanceof DataDirLockedError)
			throw Object.assign(new Error(), {
				exitMessage: `Not backed up: the hub (process ${e.holder.pid}) is running on ${cfg.dataDir}. The embedded database can only be copied while it is stopped: stop the hub, run npm run backup, start it again (a few seconds). On PostgreSQL, backups run while the hub serves.`
			});
		throw e;
	}
});

const fromEnv = Boolean(process.env.AUTH_SECRET);
try {
	const files = openFileStore(database.db, cfg.storageUrl);
	const s = await takeBackup({ database, files, path, authSecret: { value: cfg.authSecret, source: fromEnv ? 'environment' : 'data-dir' } });
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const mb = (s.bytes / 1024 / 1024).toFixed(1);
	const fileNote = files.kind === 'database' ? 'files kept in the database' : `${s.files} files copied from the object store`;
	console.log(`Backed up ${s.tables} tables (${s.rows} rows, ${fileNote}) from ${database.kind} to ${path} (${mb} MB) in ${seconds} s.`);
	console.log(
		s.authSecretIncluded
			? 'The archive includes the AUTH_SECRET the hub generated in DATA_DIR, besides personal data: keep it encrypted and readable by operators only.'
			: 'AUTH_SECRET is set in the environment and is NOT in the archive: keep it with the backup, or sessions and links mailed earlier will not work after a restore.'
	);
	console.log('Not in the archive, keep with your configuration: DATABASE_URL, STORAGE_URL and its credentials, SMTP_URL, METRICS_TOKEN and the other settings.');
} catch (e) {
	console.error(`Backup failed: ${(e as Error).message}`);
	process.exitCode = 1;
} finally {
	await database.close();
}
