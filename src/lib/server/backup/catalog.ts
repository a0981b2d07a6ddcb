import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';

/** What a backup archive says about itself, written first so a restore can check it before touching anything. */
export type BackupHeader = {
	format: 'support-hub-backup';
	formatVersion: 1;
	createdAt: string;
	engine: 'pglite' | 'postgres';
	serverVersion: string;
	/** The migrations applied to the database when it was backed up, oldest first. */
	migrations: { hash: string; createdAt: number }[];
	fileStore: 'database' | 's3';
	secrets: {
		/** Whether secrets/auth-secret is in the archive (only when the hub generated it in DATA_DIR). */
		authSecretIncluded: boolean;
		/** A fingerprint, so a restore can tell whether the configured AUTH_SECRET is the one the data was made with. */
		authSecretSha256: string;
	};
};

/** Written last: every entry's size and digest, the rows per table and the files, so a restore can check the whole archive first. */
export type BackupContents = {
	tables: { name: string; rows: number; parts: string[] }[];
	sequences: { name: string; lastValue: string | null }[];
	files: { entry: string; key: string; size: number }[];
	entries: { name: string; size: number; sha256: string }[];
};

export const HEADER_ENTRY = 'backup.json';
export const CONTENTS_ENTRY = 'contents.json';
export const AUTH_SECRET_ENTRY = 'secrets/auth-secret';

export const ident = (name: string) => sql.raw('"' + name.replace(/"/g, '""') + '"');

export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
	const result = await db.execute(query);
	return (result as unknown as { rows: T[] }).rows;
}

/** The hub's tables (schema public), by name. */
export async function publicTables(db: DbOrTx): Promise<string[]> {
	const found = await rows<{ name: string }>(
		db,
		sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`
	);
	return found.map((r) => r.name);
}

/**
 * Tables a backup leaves out: the staff report's kept figures and its record of which
 * transactions changed them. Both speak of this database's transaction ids, which mean nothing in
 * another one; after a restore the report is computed again on its first visit.
 */
export const NOT_BACKED_UP: ReadonlySet<string> = new Set(['insight_changes', 'insight_snapshots']);

/** The tables a backup holds. */
export async function backedUpTables(db: DbOrTx): Promise<string[]> {
	return (await publicTables(db)).filter((t) => !NOT_BACKED_UP.has(t));
}

/** Columns a row can be given (generated ones are computed again on insert), in table order. */
export async function insertableColumns(db: DbOrTx, table: string): Promise<string[]> {
	const found = await rows<{ name: string }>(
		db,
		sql`SELECT a.attname AS name FROM pg_attribute a
			WHERE a.attrelid = (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = ${table})
			AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`
	);
	return found.map((r) => r.name);
}

export async function appliedMigrations(db: DbOrTx): Promise<{ hash: string; createdAt: number }[]> {
	const [table] = await rows<{ found: string | null }>(db, sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS found`);
	if (!table?.found) return [];
	const applied = await rows<{ hash: string; created_at: string | number }>(db, sql`SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY created_at, id`);
	return applied.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}
