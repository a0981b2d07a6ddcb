import { createHash } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import type { FileStore } from '../uploads/file-store.ts';
import { ArchiveWriter } from './archive.ts';
import {
	appliedMigrations,
	AUTH_SECRET_ENTRY,
	CONTENTS_ENTRY,
	HEADER_ENTRY,
	ident,
	backedUpTables,
	rows,
	type BackupContents,
	type BackupHeader
} from './catalog.ts';

/** Rows of one table go into parts of about this size, so neither side ever holds a whole table. */
const PART_BYTES = 8 * 1024 * 1024;
const FETCH_ROWS = 200;

export type BackupSummary = {
	path: string;
	bytes: number;
	tables: number;
	rows: number;
	files: number;
	authSecretIncluded: boolean;
};

/**
 * Writes one archive holding every table of the hub (schema public; not the staff report's kept
 * figures, see `NOT_BACKED_UP`) as read by a single
 * REPEATABLE READ, READ ONLY transaction, so the tables agree with each other even while the hub
 * keeps writing (on PostgreSQL). Rows are JSON, one per line, as PostgreSQL itself renders them
 * (`to_json`): the same on PGlite and PostgreSQL whatever their versions, so an archive restores
 * into either. Files kept in the database travel with their tables; files in an object store are
 * copied into the archive after the snapshot. The archive is written under a temporary name and
 * renamed when complete, so a broken-off backup never looks like a good one.
 */
export async function takeBackup(opts: {
	database: Database;
	files: FileStore;
	path: string;
	authSecret: { value: string; source: 'environment' | 'data-dir' };
}): Promise<BackupSummary> {
	const { database, files, path } = opts;
	const partial = `${path}.partial`;
	await rm(partial, { force: true });
	const out = new ArchiveWriter(partial);
	const contents: BackupContents = { tables: [], sequences: [], files: [], entries: [] };
	const includeSecret = opts.authSecret.source === 'data-dir';
	try {
		await database.db.transaction(
			async (tx) => {
				// Rendering that a restore reads back exactly, whatever the session's defaults.
				await tx.execute(sql`SET LOCAL bytea_output = 'hex'`);
				await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
				await tx.execute(sql`SET LOCAL extra_float_digits = 3`);
				await tx.execute(sql`SET LOCAL statement_timeout = 0`);
				const [version] = await rows<{ v: string }>(tx, sql`SELECT current_setting('server_version') AS v`);
				const header: BackupHeader = {
					format: 'support-hub-backup',
					formatVersion: 1,
					createdAt: new Date().toISOString(),
					engine: database.kind,
					serverVersion: version.v,
					migrations: await appliedMigrations(tx),
					fileStore: files.kind,
					secrets: {
						authSecretIncluded: includeSecret,
						authSecretSha256: createHash('sha256').update(opts.authSecret.value).digest('hex')
					}
				};
				await out.add(HEADER_ENTRY, JSON.stringify(header, null, 2) + '\n');
				for (const table of await backedUpTables(tx)) {
					const entry = { name: table, rows: 0, parts: [] as string[] };
					contents.tables.push(entry);
					let lines: string[] = [];
					let bytes = 0;
					const flush = async () => {
						if (lines.length === 0) return;
						const part = `tables/${table}/${String(entry.parts.length + 1).padStart(5, '0')}.ndjson`;
						await out.add(part, lines.join('\n') + '\n');
						entry.parts.push(part);
						lines = [];
						bytes = 0;
					};
					await tx.execute(sql`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_json(t)::text AS j FROM ${ident(table)} t`);
					for (;;) {
						const batch = await rows<{ j: string }>(tx, sql.raw(`FETCH ${FETCH_ROWS} FROM backup_rows`));
						for (const r of batch) {
							lines.push(r.j);
							bytes += r.j.length + 1;
							entry.rows += 1;
							if (bytes >= PART_BYTES) await flush();
						}
						if (batch.length < FETCH_ROWS) break;
					}
					await tx.execute(sql`CLOSE backup_rows`);
					await flush();
				}
				const sequences = await rows<{ name: string; last_value: string | number | null }>(
					tx,
					sql`SELECT sequencename AS name, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`
				);
				contents.sequences = sequences.map((s) => ({ name: s.name, lastValue: s.last_value === null ? null : String(s.last_value) }));
			},
			{ isolationLevel: 'repeatable read', accessMode: 'read only' }
		);
		if (files.kind !== 'database') {
			// Objects are copied after the snapshot: one uploaded meanwhile is extra (harmless); one
			// removed meanwhile is missing, which the summary of the restore would show as a 404.
			for await (const key of files.list()) {
				const stored = await files.open(key);
				if (!stored) continue;
				const entry = `files/${String(contents.files.length + 1).padStart(7, '0')}`;
				await out.addStream(entry, stored.size, stored.stream as unknown as AsyncIterable<Uint8Array>);
				contents.files.push({ entry, key, size: stored.size });
			}
		}
		if (includeSecret) await out.add(AUTH_SECRET_ENTRY, opts.authSecret.value + '\n');
		contents.entries = [...out.entries];
		await out.add(CONTENTS_ENTRY, JSON.stringify(contents) + '\n');
		await out.close();
		await rename(partial, path);
	} catch (e) {
		await out.abort();
		await rm(partial, { force: true });
		throw e;
	}
	const { size } = await stat(path);
	return {
		path,
		bytes: size,
		tables: contents.tables.length,
		rows: contents.tables.reduce((n, t) => n + t.rows, 0),
		files: contents.files.length,
		authSecretIncluded: includeSecret
	};
}
