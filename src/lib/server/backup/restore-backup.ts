import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder, type Database } from '../db/client.ts';
import type { Db, DbOrTx } from '../db/types.ts';
import { databaseFileStore } from '../uploads/db-store.ts';
import { readAll, type FileStore } from '../uploads/file-store.ts';
import { ArchiveError, readArchive, sha256 } from './archive.ts';
import {
	appliedMigrations,
	AUTH_SECRET_ENTRY,
	CONTENTS_ENTRY,
	HEADER_ENTRY,
	ident,
	insertableColumns,
	publicTables,
	rows,
	type BackupContents,
	type BackupHeader
} from './catalog.ts';

/** A restore that would overwrite something, or cannot apply this archive: said in one line, nothing changed. */
export class RestoreRefusedError extends Error {
	readonly exitMessage: string;
	constructor(message: string) {
		super(message);
		this.name = 'RestoreRefusedError';
		this.exitMessage = message;
	}
}

export type RestoreSummary = {
	header: BackupHeader;
	tables: number;
	rows: number;
	files: number;
	/** The hub's secret when the archive carries it (see decision on backups). */
	authSecret: string | undefined;
};

const BATCH_BYTES = 2 * 1024 * 1024;
const BATCH_ROWS = 500;

type Migration = { tag: string; when: number };

function localMigrations(folder: string): Migration[] {
	const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as { entries: Migration[] };
	return journal.entries;
}

/** Reads the whole archive once and checks every entry against its table of contents before anything is written. */
async function verify(path: string): Promise<{ header: BackupHeader; contents: BackupContents }> {
	let header: BackupHeader | undefined;
	let contents: BackupContents | undefined;
	const seen: { name: string; size: number; sha256: string }[] = [];
	for await (const entry of readArchive(path)) {
		if (entry.name === CONTENTS_ENTRY) contents = JSON.parse(entry.data.toString('utf8')) as BackupContents;
		else seen.push({ name: entry.name, size: entry.data.byteLength, sha256: sha256(entry.data) });
		if (entry.name === HEADER_ENTRY) header = JSON.parse(entry.data.toString('utf8')) as BackupHeader;
	}
	if (header?.format !== 'support-hub-backup') throw new ArchiveError(`${path} is not a Support Hub backup (no ${HEADER_ENTRY}).`);
	if (header.formatVersion !== 1) throw new ArchiveError(`${path} was written in backup format ${header.formatVersion}, which this Support Hub cannot read; use a newer Support Hub.`);
	if (!contents) throw new ArchiveError(`${path} is incomplete: its table of contents is missing (was the backup interrupted?).`);
	const expected = new Map(contents.entries.map((e) => [e.name, e]));
	for (const e of seen) {
		const want = expected.get(e.name);
		if (!want || want.size !== e.size || want.sha256 !== e.sha256) throw new ArchiveError(`${path} is damaged: ${e.name} does not match the table of contents.`);
		expected.delete(e.name);
	}
	if (expected.size) throw new ArchiveError(`${path} is incomplete: ${[...expected.keys()][0]} is missing.`);
	return { header, contents };
}

/** A folder holding only the first `count` migrations, so the schema is built exactly as the backup had it. */
async function migrationsUpTo(count: number): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'support-hub-restore-'));
	await mkdir(join(dir, 'meta'));
	const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: Migration[] };
	journal.entries = journal.entries.slice(0, count);
	await writeFile(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
	for (const m of journal.entries) await copyFile(join(migrationsFolder, `${m.tag}.sql`), join(dir, `${m.tag}.sql`));
	return dir;
}

async function tablesWithRows(db: DbOrTx): Promise<string[]> {
	const found: string[] = [];
	for (const table of await publicTables(db)) {
		const [r] = await rows<{ any: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM ${ident(table)}) AS any`);
		if (r.any) found.push(table);
	}
	return found;
}

/**
 * Brings an archive written by `takeBackup` back into an empty database, on either engine and from
 * either engine. Checks first (the whole archive against its digests, the schema version, that the
 * database holds no rows); builds the schema the backup had; loads every table, its sequences and
 * the files in one transaction (foreign keys are set aside during the load and checked when put
 * back); then applies the migrations that came after the backup. A failure leaves no rows behind.
 *
 * `filesFor` names where files go: the hub's configured store. Files that were in an object store
 * go into it, and files kept in the database move to an object store when one is configured.
 */
export async function restoreBackup(opts: {
	database: Database;
	path: string;
	filesFor: (db: Db) => FileStore;
	log?: (line: string) => void;
}): Promise<RestoreSummary> {
	const { database, path } = opts;
	const log = opts.log ?? (() => {});
	const { header, contents } = await verify(path);
	log(`Archive checked: ${contents.tables.length} tables, ${contents.files.length} object-store files, taken ${header.createdAt} from ${header.engine} ${header.serverVersion}.`);

	const local = localMigrations(migrationsFolder);
	const wanted = header.migrations.length;
	const unknown = header.migrations.find((m, i) => local[i]?.when !== m.createdAt);
	if (unknown || wanted > local.length)
		throw new RestoreRefusedError(`${path} was taken from a newer Support Hub (its database has migrations this version lacks). Restore it with that version or a later one.`);

	const applied = await appliedMigrations(database.db);
	const filled = await tablesWithRows(database.db);
	if (filled.length)
		throw new RestoreRefusedError(`The database is not empty (${filled.slice(0, 3).join(', ')}${filled.length > 3 ? '…' : ''} hold rows); a restore only fills an empty one. Point DATABASE_URL (or DATA_DIR) at a new database, or remove this one first.`);
	if (applied.length > wanted)
		throw new RestoreRefusedError(`The database has already been set up by a newer Support Hub schema than the backup's (${applied.length} migrations, the backup has ${wanted}). Restore into a database that Support Hub has never started on.`);
	if (applied.length < wanted) {
		const folder = await migrationsUpTo(wanted);
		try {
			await database.migrate(folder);
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
	}

	let restoredRows = 0;
	let restoredFiles = 0;
	let authSecret: string | undefined;
	await database.db.transaction(async (tx) => {
		await tx.execute(sql`SET LOCAL bytea_output = 'hex'`);
		await tx.execute(sql`SET LOCAL statement_timeout = 0`);
		// Tables are loaded in any order, so references are checked once, when put back at the end.
		const foreignKeys = await rows<{ tbl: string; name: string; def: string }>(
			tx,
			sql`SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
				FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
				WHERE c.contype = 'f' AND n.nspname = 'public' ORDER BY 1, 2`
		);
		for (const fk of foreignKeys) await tx.execute(sql`ALTER TABLE ${sql.raw(fk.tbl)} DROP CONSTRAINT ${ident(fk.name)}`);

		const tables = new Set(await publicTables(tx));
		const columns = new Map<string, string[]>();
		const files = opts.filesFor(tx as unknown as Db);
		const fileKeys = new Map(contents.files.map((f) => [f.entry, f.key]));
		const loaded = new Map<string, number>();
		for await (const entry of readArchive(path)) {
			const part = /^tables\/([^/]+)\/\d+\.ndjson$/.exec(entry.name);
			if (part) {
				const table = part[1];
				if (!tables.has(table)) throw new RestoreRefusedError(`${path} holds table ${table}, which this schema lacks.`);
				if (!columns.has(table)) columns.set(table, await insertableColumns(tx, table));
				const cols = sql.raw(columns.get(table)!.map((c) => '"' + c.replace(/"/g, '""') + '"').join(', '));
				const lines = entry.data.toString('utf8').split('\n').filter(Boolean);
				for (let at = 0; at < lines.length; ) {
					let size = 0;
					let end = at;
					while (end < lines.length && end - at < BATCH_ROWS && (size === 0 || size + lines[end].length < BATCH_BYTES)) size += lines[end++].length + 1;
					const batch = '[' + lines.slice(at, end).join(',') + ']';
					await tx.execute(
						sql`INSERT INTO ${ident(table)} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM json_populate_recordset(NULL::${ident(table)}, ${batch}::json)`
					);
					restoredRows += end - at;
					loaded.set(table, (loaded.get(table) ?? 0) + end - at);
					at = end;
				}
			} else if (fileKeys.has(entry.name)) {
				await files.put(new Uint8Array(entry.data), fileKeys.get(entry.name));
				restoredFiles += 1;
			} else if (entry.name === AUTH_SECRET_ENTRY) {
				authSecret = entry.data.toString('utf8').trim();
			}
		}
		for (const t of contents.tables) {
			const n = loaded.get(t.name) ?? 0;
			if (n !== t.rows) throw new ArchiveError(`${path}: table ${t.name} came back with ${n} rows instead of ${t.rows}.`);
		}
		for (const s of contents.sequences) {
			if (s.lastValue !== null) await tx.execute(sql`SELECT setval(format('%I.%I', 'public', ${s.name}::text)::regclass, ${s.lastValue}::bigint)`);
		}
		if (files.kind !== 'database') {
			// The archive kept its files in the database, but this hub keeps them in an object store: move them there.
			const inDatabase = databaseFileStore(tx as unknown as Db);
			const keys: string[] = [];
			for await (const key of inDatabase.list()) keys.push(key);
			for (const key of keys) {
				const stored = await inDatabase.open(key);
				if (stored) await files.put(await readAll(stored), key);
				await inDatabase.remove(key);
				restoredFiles += 1;
			}
		} else if (header.fileStore === 'database') {
			const [r] = await rows<{ n: string | number }>(tx, sql`SELECT count(*) AS n FROM stored_files`);
			restoredFiles += Number(r.n);
		}
		for (const fk of foreignKeys) await tx.execute(sql`ALTER TABLE ${sql.raw(fk.tbl)} ADD CONSTRAINT ${ident(fk.name)} ${sql.raw(fk.def)}`);
	});

	// Then the schema catches up with this version, as on an ordinary start.
	await database.migrate();
	// PGlite has no autovacuum: without fresh statistics its planner ignores the indexes.
	await database.db.execute(database.kind === 'pglite' ? sql`VACUUM ANALYZE` : sql`ANALYZE`);
	return { header, tables: contents.tables.length, rows: restoredRows, files: restoredFiles, authSecret };
}
