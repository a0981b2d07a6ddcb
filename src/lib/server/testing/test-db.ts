import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, wrapPglite, type Database } from '../db/client.ts';

/**
 * A fresh, migrated database for one test file: a copy of the template on PGlite, or a new
 * database made from the template when DATABASE_URL points at PostgreSQL.
 */
export async function freshDatabase(): Promise<Database> {
	const url = process.env.DATABASE_URL;
	const pgTemplate = inject('postgresTemplate');
	if (url && pgTemplate) {
		const name = `sh_test_${process.ppid}_${randomBytes(4).toString('hex')}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplate}`);
		await admin.end();
		const dbUrl = new URL(url);
		dbUrl.pathname = `/${name}`;
		const database = openPostgres(dbUrl.toString(), 4);
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
	const tar = readFileSync(inject('pgliteTemplate'));
	const client = new PGlite({ loadDataDir: new Blob([tar]) });
	return wrapPglite(client);
}

/** A database with nothing in it, not even the schema (a restore's target), on the engine the tests run on. */
export async function emptyDatabase(engine: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite'): Promise<Database> {
	const url = process.env.DATABASE_URL;
	if (engine === 'postgres' && url) {
		const name = `sh_test_${process.ppid}_${randomBytes(4).toString('hex')}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name}`);
		await admin.end();
		const dbUrl = new URL(url);
		dbUrl.pathname = `/${name}`;
		const database = openPostgres(dbUrl.toString(), 4);
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
	return wrapPglite(new PGlite());
}
