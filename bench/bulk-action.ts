/**
 * One bulk action on the staff list at volume: 1,000 applications selected among 100,000 (the
 * grants scenario's data), declined with a message in one transaction. Measured twice on the same
 * seeded data, each time over 1,000 applications of its own:
 *
 * - in process, the use case alone (`bulkActOnApplications`), with the SQL statements it sends;
 * - as a request: the built app, started as the other benches start it, receives the staff list's
 *   `POST /grants?/bulk` form from the signed-in officer (with `Origin`, as a browser sends it) and
 *   answers with the list; the statements are the app's own count (`supporthub_db_statements_total`
 *   on /metrics, before and after). Then the bench checks the answer says what was done and that
 *   the 1,000 applications are declined.
 *
 * On PGlite and, when DATABASE_URL is set, on PostgreSQL.
 *
 *   npm run bench:bulk
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:bulk
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { openPglite, openPostgres, wrapPglite, type Database } from '#lib/server/db/client.ts';
import * as schema from '#lib/server/db/schema.ts';
import type { Db } from '#lib/server/db/types.ts';
import { bulkActOnApplications } from '#lib/server/grants/bulk-act-on-applications.ts';
import { grantApplications } from '#lib/server/grants/schema.ts';
import { loadActor } from '#lib/server/identity/load-actor.ts';
import { appEnv, browserCookies, children, freePort, logTail, prepare, ROOT, sessionCookie, snapshotApp, start, stop, waitReady } from './app-server.ts';
import type { Credentials } from './scenario.ts';
import { grants } from './scenarios/grants.ts';

process.chdir(ROOT);
const SELECTED = 1_000;
const MESSAGE = 'The call was oversubscribed.';
const METRICS_TOKEN = randomBytes(24).toString('base64url');

const work = mkdtempSync(join(tmpdir(), 'sh-bench-bulk-'));
process.on('exit', () => {
	for (const c of children) c.kill('SIGKILL');
	rmSync(work, { recursive: true, force: true });
});

/** Two sets of 1,000 applications that can be declined: one for the use case, one for the request. */
async function selections(db: Db) {
	const ids = (
		await db
			.select({ id: grantApplications.id })
			.from(grantApplications)
			.where(and(inArray(grantApplications.status, ['screening', 'in_review', 'decision'])))
			.orderBy(asc(grantApplications.id))
			.limit(2 * SELECTED)
	).map((r) => r.id);
	return { inProcess: ids.slice(0, SELECTED), request: ids.slice(SELECTED) };
}

async function inProcess(database: Database, counted: (log: { logQuery: () => void }) => Db, credentials: Credentials, ids: string[]) {
	const officer = await loadActor(database.db, credentials.userId, 'session');
	let statements = 0;
	const db = counted({ logQuery: () => void statements++ });
	const started = performance.now();
	const result = await bulkActOnApplications(db, officer, { action: 'decline', message: MESSAGE, scope: 'selected', id: ids });
	return { count: result.count, ms: Math.round(performance.now() - started), statements };
}

/** The statements the app has sent so far, read from its own /metrics. */
async function statementsSent(origin: string) {
	const text = await (await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
	const line = text.split('\n').find((l) => l.startsWith('supporthub_db_statements_total '));
	if (!line) throw new Error('the app reports no supporthub_db_statements_total');
	return Number(line.split(' ')[1]);
}

/** The staff list's bulk form, as a browser posts it with 1,000 rows ticked. */
async function asRequest(engine: string, entry: string, credentials: Credentials, ids: string[], dataDir: string, databaseUrl?: string) {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	// No scheduled jobs: their statements would be counted as the request's.
	const app = start(`bulk-${engine}`, [entry], { ...appEnv(port, dataDir, databaseUrl), JOBS: 'off', METRICS_TOKEN }, work);
	try {
		await waitReady(app, origin);
		const cookie = await browserCookies(origin, sessionCookie(credentials.sessionToken));
		// The officer has the list open before ticking the rows (twice here: the first warms the page).
		const openList = async () => {
			const list = await fetch(`${origin}/grants?sort=-submitted`, { headers: { cookie } });
			if (list.status !== 200) throw new Error(`GET /grants → ${list.status}`);
			await list.text();
		};
		await openList();
		// A scrape sends statements of its own (the outbox's figures): measured, then taken off.
		const s0 = await statementsSent(origin);
		const s1 = await statementsSent(origin);
		const scrape = s1 - s0;
		await openList();
		const before = await statementsSent(origin);
		const listStatements = before - s1 - scrape;
		const form = new URLSearchParams([
			['status', ''],
			['call', ''],
			['q', ''],
			['what', 'applications'],
			['scope', 'selected'],
			['action', 'decline'],
			['reviewerId', ''],
			['message', MESSAGE],
			...ids.map((id) => ['id', id])
		]);
		const started = performance.now();
		const res = await fetch(`${origin}/grants?sort=-submitted&/bulk`, {
			method: 'POST',
			headers: { cookie, origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: form,
			redirect: 'manual'
		});
		const html = await res.text();
		const ms = Math.round(performance.now() - started);
		const statements = (await statementsSent(origin)) - before - scrape;
		const done = html.match(/Done: [^<]*? applications\./)?.[0];
		if (res.status !== 200 || !done) throw new Error(`POST /grants?/bulk → ${res.status}, ${done ?? 'no confirmation in the page'}\n${logTail(app)}`);
		return { ms, statements, listStatements, status: res.status, done, bytes: form.toString().length };
	} finally {
		await stop(app);
	}
}

async function declinedAmong(db: Db, ids: string[]) {
	const [row] = await db
		.select({ n: count() })
		.from(grantApplications)
		.where(and(inArray(grantApplications.id, ids), eq(grantApplications.status, 'declined')));
	return row.n;
}

function report(engine: string, seedSeconds: number, use: Awaited<ReturnType<typeof inProcess>>, req: Awaited<ReturnType<typeof asRequest>>, declined: number) {
	console.log(`${engine} (seeded in ${seedSeconds.toFixed(0)} s):`);
	console.log(`  use case in process: declined ${use.count} of ${SELECTED} selected among 100,000 in ${use.ms} ms, ${use.statements} statements`);
	console.log(`  POST /grants?/bulk (${Math.round(req.bytes / 1024)} KB form): ${req.status} in ${req.ms} ms, ${req.statements} statements in all (the action, then the list it answers with, which alone sends ${req.listStatements}); the page says "${req.done}"`);
	console.log(`  afterwards ${declined} of the request's ${SELECTED} applications are declined`);
	if (declined !== SELECTED) process.exitCode = 1;
}

prepare();
const entry = snapshotApp(work);

{
	const dataDir = join(work, 'pglite-data');
	mkdirSync(join(dataDir, 'pglite'), { recursive: true });
	const client = new PGlite(join(dataDir, 'pglite'));
	const database = wrapPglite(client);
	await database.migrate();
	const t0 = performance.now();
	const credentials = await grants.seed(database);
	const seedSeconds = (performance.now() - t0) / 1000;
	const sets = await selections(database.db);
	const use = await inProcess(database, (logger) => drizzlePglite({ client, schema, casing: 'snake_case', logger }) as unknown as Db, credentials, sets.inProcess);
	await client.close();
	// PGlite has one process per data directory: the app gets it, then the bench again to check.
	const req = await asRequest('pglite', entry, credentials, sets.request, dataDir);
	const after = openPglite(dataDir);
	report('PGlite', seedSeconds, use, req, await declinedAmong(after.db, sets.request));
	await after.close();
}

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
		await database.migrate();
		const t0 = performance.now();
		const credentials = await grants.seed(database);
		const seedSeconds = (performance.now() - t0) / 1000;
		const sets = await selections(database.db);
		const use = await inProcess(database, (logger) => drizzlePg({ client: pool, schema, casing: 'snake_case', logger }) as unknown as Db, credentials, sets.inProcess);
		const req = await asRequest('postgres', entry, credentials, sets.request, join(work, 'postgres-data'), url.toString());
		report('PostgreSQL', seedSeconds, use, req, await declinedAmong(database.db, sets.request));
	} finally {
		await pool.end();
		await database.close();
		await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.end();
	}
}
