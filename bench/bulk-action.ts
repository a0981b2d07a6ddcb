/**
 * One bulk action on the staff list at volume: 1,000 applications selected among 100,000 (the
 * grants scenario's data), declined with a message in one transaction. Reports the time the use
 * case takes (what the `?/bulk` request spends beyond parsing the form) and the SQL statements it
 * sends, on PGlite and, when DATABASE_URL is set, on PostgreSQL.
 *
 *   npm run bench:bulk
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:bulk
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { openPostgres, wrapPglite, type Database } from '#lib/server/db/client.ts';
import * as schema from '#lib/server/db/schema.ts';
import type { Db } from '#lib/server/db/types.ts';
import { bulkActOnApplications } from '#lib/server/grants/bulk-act-on-applications.ts';
import { grantApplications } from '#lib/server/grants/schema.ts';
import { loadActor } from '#lib/server/identity/load-actor.ts';
import { grants } from './scenarios/grants.ts';

process.chdir(resolve(import.meta.dirname, '..'));
const SELECTED = 1_000;

async function measure(database: Database, counted: (log: { logQuery: () => void }) => Db, engine: string) {
	await database.migrate();
	const t0 = performance.now();
	const credentials = await grants.seed(database);
	const seedSeconds = (performance.now() - t0) / 1000;
	const officer = await loadActor(database.db, credentials.userId, 'session');
	const ids = (
		await database.db
			.select({ id: grantApplications.id })
			.from(grantApplications)
			.where(and(inArray(grantApplications.status, ['screening', 'in_review', 'decision'])))
			.orderBy(asc(grantApplications.id))
			.limit(SELECTED)
	).map((r) => r.id);
	let statements = 0;
	const db = counted({ logQuery: () => void statements++ });
	const start = performance.now();
	const result = await bulkActOnApplications(db, officer, { action: 'decline', message: 'The call was oversubscribed.', scope: 'selected', id: ids });
	const ms = performance.now() - start;
	const [check] = await database.db.select({ status: grantApplications.status }).from(grantApplications).where(eq(grantApplications.id, ids[0]));
	console.log(`${engine}: declined ${result.count} of ${SELECTED} selected among 100,000 in ${Math.round(ms)} ms, ${statements} statements (seeded in ${seedSeconds.toFixed(0)} s; first is now ${check.status})`);
}

const client = new PGlite();
await measure(wrapPglite(client), (logger) => drizzlePglite({ client, schema, casing: 'snake_case', logger }) as unknown as Db, 'PGlite');
await client.close();

if (process.env.DATABASE_URL) {
	const name = `sh_bench_bulk_${randomBytes(3).toString('hex')}`;
	const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	const url = new URL(process.env.DATABASE_URL);
	url.pathname = `/${name}`;
	const database = openPostgres(url.toString(), 4);
	const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
	try {
		await measure(database, (logger) => drizzlePg({ client: pool, schema, casing: 'snake_case', logger }) as unknown as Db, 'PostgreSQL');
	} finally {
		await pool.end();
		await database.close();
		await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.end();
	}
}
