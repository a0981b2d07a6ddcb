import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';
import type { Db } from './types.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
	db: Db;
	kind: DatabaseKind;
	close: () => Promise<void>;
	/** Applies pending migrations; on PostgreSQL under an advisory lock so that instances starting together take turns. */
	migrate: () => Promise<void>;
};

export const migrationsFolder = resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
const MIGRATION_LOCK = 7_402_113;

export function openPostgres(url: string, poolSize = 10): Database {
	const pool = new pg.Pool({ connectionString: url, max: poolSize });
	// An idle connection that the server drops (a restart, a failover, a terminated backend) must
	// not bring the process down: the pool replaces it on the next query. A backend terminated on
	// purpose (57P01: a shutdown, or a test database being dropped) is expected and not logged.
	pool.on('error', (err) => {
		if ((err as { code?: string }).code !== '57P01') console.error('PostgreSQL connection lost:', err.message);
	});
	const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
	return {
		db,
		kind: 'postgres',
		close: () => pool.end(),
		migrate: async () => {
			const client = await pool.connect();
			try {
				await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
				await migratePg(drizzlePg({ client, schema, casing: 'snake_case' }), { migrationsFolder });
			} finally {
				await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
				client.release();
			}
		}
	};
}

export function wrapPglite(client: PGlite): Database {
	const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		close: () => client.close(),
		migrate: async () => {
			await migratePglite(drizzlePglite({ client, schema, casing: 'snake_case' }), { migrationsFolder });
		}
	};
}

export function openPglite(dataDir: string): Database {
	const dir = join(dataDir, 'pglite');
	mkdirSync(dir, { recursive: true });
	return wrapPglite(new PGlite(dir));
}

export function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Database {
	return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
