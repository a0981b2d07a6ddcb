import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, wrapPglite, type Database, type PostgresOptions } from '../db/client.ts';

/**
 * A new PostgreSQL database for one test file (from `template` when given, otherwise empty),
 * dropped again when it is closed.
 */
async function throwawayPostgres(url: string, template?: string, pool: PostgresOptions = { poolSize: 4 }): Promise<Database> {
	const name = `sh_test_${process.ppid}_${randomBytes(4).toString('hex')}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
	await admin.end();
	const dbUrl = new URL(url);
	dbUrl.pathname = `/${name}`;
	const database = openPostgres(dbUrl.toString(), pool);
	const close = database.close;
	return {
		...database,
		close: async () => {
			await close();
			const a = new pg.Client({ connectionString: url });
			await a.connect();
			await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await a.end();
		}
	};
}

/**
 * A fresh, migrated database for one test file: a copy of the template on PGlite, or a new
 * database made from the template when DATABASE_URL points at PostgreSQL, with a pool of 4
 * unless `pool` says otherwise (PGlite has one connection whatever is asked).
 */
export async function freshDatabase(pool?: PostgresOptions): Promise<Database> {
	const url = process.env.DATABASE_URL;
	const pgTemplate = inject('postgresTemplate');
	if (url && pgTemplate) return throwawayPostgres(url, pgTemplate, pool);
	const tar = readFileSync(inject('pgliteTemplate'));
	const client = new PGlite({ loadDataDir: new Blob([tar]) });
	return wrapPglite(client);
}

/** A database with nothing in it, not even the schema (a restore's target), on the engine the tests run on. */
export async function emptyDatabase(engine: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite'): Promise<Database> {
	const url = process.env.DATABASE_URL;
	if (engine === 'postgres' && url) return throwawayPostgres(url);
	return wrapPglite(new PGlite());
}
