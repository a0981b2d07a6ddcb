/**
 * How the list pages' cost grows with the data: the grants scenario at 10,000, 100,000 and
 * 1,000,000 applications, the directory at 10,000 and 100,000 organisations with 1,000,000
 * activity rows. For each size it loads the built app's list pages (10 connections), then runs
 * the statements those pages send (captured from the use cases themselves, session and token
 * reads included) under EXPLAIN ANALYZE, and flags every sequential scan of a large table.
 * Prints the curve, the ratio of the largest size's throughput to the smallest's (target ≥ 0.5×)
 * and the plans. See bench/README.md, "Growth".
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:growth
 *   … npm run bench:growth -- grants            only one scenario
 *   … npm run bench:growth -- grants:10000,100000   only these sizes
 *
 * The databases (`<GROWTH_DB_PREFIX>_<scenario>_<size>`, prefix `sh_growth` by default) are kept
 * between runs, since seeding a million rows takes minutes: a later run migrates and reuses them.
 * GROWTH_RESEED=1 seeds them again; GROWTH_DROP=1 drops them at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { openPostgres, type Database } from '#lib/server/db/client.ts';
import * as schema from '#lib/server/db/schema.ts';
import type { Db } from '#lib/server/db/types.ts';
import { activityEvents } from '#lib/server/activity/schema.ts';
import { organisations } from '#lib/server/directory/schema.ts';
import { listOrganisations } from '#lib/server/directory/list-organisations.ts';
import { listApplications } from '#lib/server/grants/list-applications.ts';
import { listOpenCalls } from '#lib/server/grants/list-open-calls.ts';
import { listRegister } from '#lib/server/grants/list-register.ts';
import { listReviewers } from '#lib/server/grants/list-reviewers.ts';
import { authenticateApiRequest } from '#lib/server/identity/authenticate-api-token.ts';
import { loadActor } from '#lib/server/identity/load-actor.ts';
import { readSession } from '#lib/server/identity/read-session.ts';
import type { Actor } from '#lib/server/identity/actor.ts';
import { appEnv, browserCookies, children, freePort, logTail, prepare, ROOT, sessionCookie, snapshotApp, start, stop, waitReady, type Proc } from './app-server.ts';
import { cpuMs, load, round, type Measurement } from './measure.ts';
import { benchUser, insertBatched, prng, type Credentials } from './scenario.ts';
import { ACTIONS, organisationRows } from './scenarios/directory-data.ts';
import { QUERIES as DIRECTORY_QUERIES } from './scenarios/directory.ts';
import { ACC_CALL_ID, MINI_CALL_ID, QUERIES as GRANT_QUERIES, seedCalls, STATUSES, VERBS, WORDS } from './scenarios/grants.ts';

process.chdir(ROOT);

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const PREFIX = process.env.GROWTH_DB_PREFIX ?? 'sh_growth';
/** Raised when the seed changes, so that kept databases are seeded again. */
const SEED_VERSION = 1;
/** A sequential scan of a table with at least this many rows is flagged. */
const LARGE_TABLE = 10_000;
const TARGET_RATIO = 0.5;
const GRANT_ORGANISATIONS = 2_000;
const ACTIVITY_ROWS = 1_000_000;

type Target = { name: string; auth: 'session' | 'token' | 'none'; paths: string[] };
/** The statements one request of a target sends, captured by running its use cases on a logging connection. */
type Capture = (db: Db, c: { actor: Actor; credentials: Credentials }, path: string) => Promise<unknown>;

type GrowthScenario = {
	name: 'grants' | 'directory';
	sizes: number[];
	unit: string;
	seed(database: Database, size: number): Promise<void>;
	targets: (Target & { capture: Capture })[];
};

const params = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams);
const sessionRead: Capture = (db, { credentials }) => readSession(db, credentials.sessionToken);
// The token, its owner and the count against its limit are one statement (the hooks' `identify`).
const tokenRead: Capture = (db, { credentials }) => authenticateApiRequest(db, credentials.apiToken);

const SCENARIOS: GrowthScenario[] = [
	{
		name: 'grants',
		sizes: [10_000, 100_000, 1_000_000],
		unit: 'applications',
		seed: seedGrants,
		targets: [
			{
				name: 'page',
				auth: 'session',
				paths: GRANT_QUERIES.map((q) => `/grants?${q}`),
				capture: async (db, c, path) => {
					await sessionRead(db, c, path);
					await Promise.all([listApplications(db, c.actor, params(path)), listOpenCalls(db), listReviewers(db)]);
				}
			},
			{
				name: 'api',
				auth: 'token',
				paths: GRANT_QUERIES.map((q) => `/api/v1/applications?${q}`),
				capture: async (db, c, path) => {
					await tokenRead(db, c, path);
					await listApplications(db, c.actor, params(path));
				}
			},
			{ name: 'register', auth: 'none', paths: ['/register'], capture: (db) => listRegister(db, 'en', { limit: 200 }) }
		]
	},
	{
		name: 'directory',
		sizes: [10_000, 100_000],
		unit: 'organisations',
		seed: seedDirectory,
		targets: [
			{
				name: 'page',
				auth: 'session',
				paths: DIRECTORY_QUERIES.map((q) => `/directory?${q}`),
				capture: async (db, c, path) => {
					await sessionRead(db, c, path);
					await listOrganisations(db, c.actor, params(path), 'en');
				}
			},
			{
				name: 'api',
				auth: 'token',
				paths: DIRECTORY_QUERIES.map((q) => `/api/v1/organisations?${q}`),
				capture: async (db, c, path) => {
					await tokenRead(db, c, path);
					await listOrganisations(db, c.actor, params(path), 'en');
				}
			}
		]
	}
];

// ---- seeding: bulk rows in SQL (generate_series), fixed random seed, in chunks of 100,000 ----

async function inChunks(total: number, label: string, insert: (from: number, to: number) => Promise<unknown>) {
	const chunk = 100_000;
	for (let from = 1; from <= total; from += chunk) {
		await insert(from, Math.min(total, from + chunk - 1));
		if (total > chunk) process.stdout.write(`\r  ${label}: ${Math.min(total, from + chunk - 1).toLocaleString('en')} of ${total.toLocaleString('en')}`);
	}
	if (total > chunk) process.stdout.write('\n');
}

async function seedGrants(database: Database, applications: number) {
	const { db } = database;
	const user = await benchUser(database);
	await seedCalls(database);
	const rnd = prng(20_261_129);
	await insertBatched(
		(function* () {
			for (let i = 1; i <= GRANT_ORGANISATIONS; i++)
				yield { reference: `SH-G${String(i).padStart(5, '0')}`, name: `${VERBS[i % VERBS.length]} ${WORDS[i % WORDS.length]} coalition ${i}`, kind: 'civil_society', country: 'KE', region: 'africa' as const, languages: ['en'], sensitive: rnd() < 0.03 };
		})(),
		(batch) => db.insert(organisations).values(batch)
	);
	await db.execute(sql`SELECT setseed(0.2026)`);
	const array = (xs: readonly string[]) => sql`${`{${xs.map((x) => `"${x}"`).join(',')}}`}::text[]`;
	const pickFrom = (xs: readonly string[]) => sql`(${array(xs)})[1 + floor(random() * ${xs.length})::int]`;
	await inChunks(applications, 'applications', (from, to) =>
		db.execute(sql`
			INSERT INTO grant_applications (call_id, organisation_id, status, title, answers, requested_amount, revision, submitted_at, decision_due_at, created_by)
			SELECT CASE WHEN g.mini THEN ${MINI_CALL_ID}::uuid ELSE ${ACC_CALL_ID}::uuid END, o.id, g.status, g.title, jsonb_build_object('goal', g.title),
				CASE WHEN g.mini THEN 500 + floor(g.r_amount * 45) * 100 ELSE 20000 + floor(g.r_amount * 130) * 1000 END,
				CASE WHEN g.status = 'draft' THEN 0 ELSE 1 END,
				g.submitted, CASE WHEN g.mini AND g.submitted IS NOT NULL THEN g.submitted + interval '14 days' END, ${user.userId}
			FROM (
				SELECT i, s.status, s.mini, s.r_amount, s.org,
					CASE WHEN s.status = 'draft' THEN NULL ELSE now() - s.r_submitted * interval '1095 days' END AS submitted,
					s.verb || ' ' || s.w1 || ' ' || s.w2 || ' in district ' || (i % 997) AS title
				FROM (
					SELECT i, ${pickFrom(STATUSES)} AS status, random() < 0.8 AS mini, random() AS r_amount, random() AS r_submitted,
						1 + floor(random() * ${GRANT_ORGANISATIONS})::int AS org, ${pickFrom(VERBS)} AS verb, ${pickFrom(WORDS)} AS w1, ${pickFrom(WORDS)} AS w2
					FROM generate_series(${from}::int, ${to}::int) AS i
				) s
			) g
			JOIN (SELECT id, row_number() OVER (ORDER BY reference) AS rn FROM organisations) o ON o.rn = g.org`)
	);
	await db.execute(sql`
		INSERT INTO grant_awards (application_id, amount, currency, awarded_at)
		SELECT id, requested_amount, 'USD', submitted_at + interval '12 days' FROM grant_applications
		WHERE status IN ('awarded', 'closed') AND submitted_at IS NOT NULL`);
}

async function seedDirectory(database: Database, count: number) {
	const { db } = database;
	const user = await benchUser(database);
	await insertBatched(organisationRows(prng(20_240_601), user.userId, Date.now(), count), (batch) => db.insert(organisations).values(batch), 2_000);
	await db.execute(sql`SELECT setseed(0.2406)`);
	const actions = sql`${`{${ACTIONS.join(',')}}`}::text[]`;
	await inChunks(ACTIVITY_ROWS, 'activity', (from, to) =>
		db.execute(sql`
			INSERT INTO ${activityEvents} (actor_id, subject_type, subject_id, organisation_id, action, changes, created_at)
			SELECT ${user.userId}, 'organisation', o.id::text, o.id, a.action,
				CASE WHEN a.action = 'updated' THEN '{"description": {"from": "Earlier text.", "to": "Revised text."}}'::jsonb END,
				now() - a.r_age * interval '1095 days'
			FROM (
				SELECT i, 1 + floor(random() * ${count})::int AS org, (${actions})[1 + floor(random() * ${ACTIONS.length})::int] AS action, random() AS r_age
				FROM generate_series(${from}::int, ${to}::int) AS i
			) a
			JOIN (SELECT id, row_number() OVER (ORDER BY reference) AS rn FROM organisations) o ON o.rn = a.org`)
	);
}

// ---- databases: kept between runs, marked with what was seeded ----

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

function urlOf(name: string) {
	const url = new URL(process.env.DATABASE_URL!);
	url.pathname = `/${name}`;
	return url.toString();
}

/** The database of one size, seeded unless a kept one carries the same mark; its bench user gets a fresh session and token. */
async function prepareDatabase(scenario: GrowthScenario, size: number): Promise<{ url: string; credentials: Credentials; seededSeconds?: number }> {
	const name = `${PREFIX}_${scenario.name}_${size}`;
	const mark = `support-hub growth seed ${SEED_VERSION}: ${scenario.name} ${size}`;
	const kept = await admin(async (c) => {
		const r = await c.query(`SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1`, [name]);
		return r.rows[0]?.mark === mark && !process.env.GROWTH_RESEED;
	});
	let seededSeconds: number | undefined;
	if (!kept) {
		await admin(async (c) => {
			await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await c.query(`CREATE DATABASE ${name}`);
		});
	}
	// One connection: setseed() holds for the connection it runs on, so every random() must run there too.
	const database = openPostgres(urlOf(name), { poolSize: 1, statementTimeoutMs: 3_600_000 });
	try {
		await database.migrate();
		if (!kept) {
			console.log(`${scenario.name} ${size.toLocaleString('en')}: seeding ${name}…`);
			const t0 = performance.now();
			await scenario.seed(database, size);
			await database.db.execute(sql`VACUUM ANALYZE`);
			seededSeconds = round((performance.now() - t0) / 1000);
			await admin((c) => c.query(`COMMENT ON DATABASE ${name} IS '${mark}'`));
			console.log(`${scenario.name} ${size.toLocaleString('en')}: seeded in ${seededSeconds} s`);
		}
		const credentials = await benchUser(database, 'programme_officer', `bench-officer-${randomBytes(4).toString('hex')}@example.org`);
		return { url: urlOf(name), credentials, seededSeconds };
	} finally {
		await database.close();
	}
}

// ---- plans ----

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Actual Rows'?: number; 'Actual Loops'?: number; 'Plan Rows': number; Plans?: PlanNode[] };
type Statement = { sql: string; params: unknown[] };
type Explained = { target: string; path: string; sql: string; ms?: number; plan: string[]; seqScans: string[] };

function describe(node: PlanNode, depth: number, out: string[], large: Map<string, number>, seq: string[]) {
	const on = node['Index Name'] ? ` using ${node['Index Name']}` : '';
	const rel = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
	const rows = node['Actual Rows'] !== undefined ? ` (${node['Actual Rows']} rows × ${node['Actual Loops']})` : ` (~${node['Plan Rows']} rows)`;
	out.push(`${'  '.repeat(depth)}${node['Node Type']}${on}${rel}${rows}`);
	if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && (large.get(node['Relation Name']) ?? 0) >= LARGE_TABLE)
		seq.push(`${node['Relation Name']} (${large.get(node['Relation Name'])!.toLocaleString('en')} rows)`);
	for (const child of node.Plans ?? []) describe(child, depth + 1, out, large, seq);
}

/** Runs each target's use cases on a logging connection, then EXPLAINs every statement they sent (ANALYZE for reads). */
async function explainTargets(scenario: GrowthScenario, url: string, credentials: Credentials): Promise<Explained[]> {
	const pool = new pg.Pool({ connectionString: url, max: 2 });
	const statements: Statement[] = [];
	const db = drizzle({ client: pool, schema, casing: 'snake_case', logger: { logQuery: (q, p) => void statements.push({ sql: q, params: p }) } }) as unknown as Db;
	const out: Explained[] = [];
	try {
		const tables = await pool.query(`SELECT relname, reltuples::bigint AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`);
		const large = new Map<string, number>(tables.rows.map((r) => [r.relname as string, Number(r.n)]));
		const plain = drizzle({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
		const actor = await loadActor(plain, credentials.userId, 'session');
		for (const t of scenario.targets) {
			for (const path of t.paths) {
				statements.length = 0;
				await t.capture(db, { actor, credentials }, path);
				for (const s of [...statements]) {
					const read = /^[\s(]*(select|with)\b/i.test(s.sql);
					const r = await pool.query(`EXPLAIN (${read ? 'ANALYZE, ' : ''}FORMAT JSON) ${s.sql}`, s.params);
					const [{ Plan, 'Execution Time': ms }] = r.rows[0]['QUERY PLAN'] as [{ Plan: PlanNode; 'Execution Time'?: number }];
					const plan: string[] = [];
					const seqScans: string[] = [];
					describe(Plan, 0, plan, large, seqScans);
					out.push({ target: t.name, path, sql: s.sql, ms: ms === undefined ? undefined : round(ms, 2), plan, seqScans });
				}
			}
		}
	} finally {
		await pool.end();
	}
	return out;
}

// ---- the run ----

/** CPU (ms) each PostgreSQL backend serving `database` has used so far, by process id (Linux, same machine). */
async function backendCpu(database: string): Promise<Map<number, number>> {
	const r = await admin((c) => c.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [database]));
	const out = new Map<number, number>();
	for (const { pid } of r.rows as { pid: number }[]) {
		const ms = cpuMs(pid);
		if (ms !== undefined) out.set(pid, ms);
	}
	return out;
}

/**
 * Req/s swing by half on a machine shared with other work; CPU per request does not. `dbCpuMsPerRequest`
 * is what the database server's backends for the app spent per request (backends that ended during the
 * run are missed, so it errs low); with the app's own CPU it gives a steadier ratio than req/s.
 */
type Point = Measurement & { size: number; dbCpuMsPerRequest?: number };

async function measureSize(scenario: GrowthScenario, size: number, url: string, credentials: Credentials, work: string, entry: string): Promise<Point[]> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	let app: Proc | undefined;
	const points: Point[] = [];
	try {
		// Without its scheduled jobs: on a database just seeded they catch up (roll-ups, sweeps) and
		// their work would be counted as the pages' (the insight scenario measures them).
		app = start(`${scenario.name}-${size}-app`, [entry], { ...appEnv(port, join(work, `${scenario.name}-${size}-data`), url), JOBS: 'off' }, work);
		await waitReady(app, origin);
		const cookie = await browserCookies(origin, sessionCookie(credentials.sessionToken));
		for (const t of scenario.targets) {
			const headers: Record<string, string> = t.auth === 'session' ? { cookie, accept: 'text/html' } : t.auth === 'token' ? { authorization: `Bearer ${credentials.apiToken}` } : {};
			const first = await fetch(origin + t.paths[0], { headers, redirect: 'manual' });
			if (first.status !== 200) throw new Error(`${scenario.name} ${size} ${t.name}: ${t.paths[0]} → ${first.status}\n${logTail(app)}`);
			await first.arrayBuffer();
			await load(scenario.name, { name: t.name, origin, paths: t.paths, headers, pid: app.child.pid }, 'postgres', CONNECTIONS, Math.min(2, SECONDS));
			const database = new URL(url).pathname.slice(1);
			const before = await backendCpu(database);
			const m = await load(scenario.name, { name: t.name, origin, paths: t.paths, headers, pid: app.child.pid }, 'postgres', CONNECTIONS, SECONDS);
			const after = await backendCpu(database);
			const dbMs = [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
			const dbCpuMsPerRequest = m.requests ? round(dbMs / m.requests, 2) : undefined;
			console.log(`${scenario.name} ${size.toLocaleString('en')} ${t.name}: ${m.requestsPerSecond} req/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, ${m.errors} errors, cpu ms/req ${m.cpuMsPerRequest ?? '-'} app + ${dbCpuMsPerRequest ?? '-'} database`);
			points.push({ ...m, size, dbCpuMsPerRequest });
		}
	} finally {
		await stop(app);
	}
	return points;
}

function parseArgs(): { scenario: GrowthScenario; sizes: number[] }[] {
	const args = process.argv.slice(2);
	if (!args.length) return SCENARIOS.map((s) => ({ scenario: s, sizes: s.sizes }));
	return args.map((a) => {
		const [name, list] = a.split(':');
		const scenario = SCENARIOS.find((s) => s.name === name);
		if (!scenario) throw new Error(`Unknown growth scenario ${name}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
		return { scenario, sizes: list ? list.split(',').map(Number) : scenario.sizes };
	});
}

const cpuPerRequest = (p: Point | undefined) => (p?.cpuMsPerRequest !== undefined && p.dbCpuMsPerRequest !== undefined ? p.cpuMsPerRequest + p.dbCpuMsPerRequest : undefined);

/**
 * The curve as a table. "req/s ratio" is the largest size's req/s over the smallest's; "cpu ratio"
 * is the smallest size's CPU per request (app and database) over the largest's: the same ratio with
 * the machine's other work taken out. The run fails when the cpu ratio is below 0.5×.
 */
function curve(points: Point[], scenario: GrowthScenario, sizes: number[]): { lines: string[]; below: string[] } {
	const lines = [`${scenario.name}: ${scenario.unit}${scenario.name === 'directory' ? ` (with ${ACTIVITY_ROWS.toLocaleString('en')} activity rows)` : ''}, ${CONNECTIONS} connections, ${SECONDS} s; cpu = app + database ms per request`];
	const below: string[] = [];
	lines.push(`| target | ${sizes.map((s) => s.toLocaleString('en')).join(' | ')} | req/s ratio | cpu ratio |`);
	lines.push(`| --- | ${sizes.map(() => '---').join(' | ')} | --- | --- |`);
	for (const t of scenario.targets) {
		const row = sizes.map((s) => points.find((p) => p.target === t.name && p.size === s));
		const [small, big] = [row[0], row[row.length - 1]];
		const ratio = small && big && small.requestsPerSecond ? round(big.requestsPerSecond / small.requestsPerSecond, 2) : undefined;
		const [cpuSmall, cpuBig] = [cpuPerRequest(small), cpuPerRequest(big)];
		const cpuRatio = cpuSmall !== undefined && cpuBig ? round(cpuSmall / cpuBig, 2) : undefined;
		if (cpuRatio !== undefined && cpuRatio < TARGET_RATIO) below.push(t.name);
		const cells = row.map((p) =>
			p ? `${p.requestsPerSecond} req/s, p50 ${p.p50Ms} / p99 ${p.p99Ms} ms, cpu ${p.cpuMsPerRequest ?? '-'} + ${p.dbCpuMsPerRequest ?? '-'}${p.errors ? `, ${p.errors} errors` : ''}` : '-'
		);
		lines.push(`| ${t.name} | ${cells.join(' | ')} | ${ratio ?? '-'}× | ${cpuRatio === undefined ? '-' : `${cpuRatio}×${cpuRatio < TARGET_RATIO ? ' (below 0.5×)' : ''}`} |`);
	}
	return { lines, below };
}

async function main() {
	if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to a PostgreSQL server (postgres://…/postgres): the growth bench runs on PostgreSQL.');
	const startedAt = new Date();
	const runs = parseArgs();
	prepare();
	const work = mkdtempSync(join(tmpdir(), 'sh-growth-'));
	process.on('exit', () => {
		for (const c of children) c.kill('SIGKILL');
		rmSync(work, { recursive: true, force: true });
	});
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
	const entry = snapshotApp(work);
	const report: { scenario: string; sizes: number[]; points: Point[]; plans: Record<number, Explained[]>; seeded: Record<number, number | undefined>; curve: string[] }[] = [];
	const problems: string[] = [];
	for (const { scenario, sizes } of runs) {
		const points: Point[] = [];
		const plans: Record<number, Explained[]> = {};
		const seeded: Record<number, number | undefined> = {};
		for (const size of sizes) {
			const { url, credentials, seededSeconds } = await prepareDatabase(scenario, size);
			seeded[size] = seededSeconds;
			points.push(...(await measureSize(scenario, size, url, credentials, work, entry)));
			plans[size] = await explainTargets(scenario, url, credentials);
			for (const e of plans[size]) for (const s of e.seqScans) problems.push(`${scenario.name} ${size.toLocaleString('en')} ${e.target} ${e.path}: sequential scan of ${s}`);
		}
		const { lines, below } = curve(points, scenario, sizes);
		for (const t of below) problems.push(`${scenario.name} ${t}: at the largest size a request costs more than twice the CPU (app and database) it costs at the smallest`);
		for (const p of points) if (p.errors) problems.push(`${scenario.name} ${p.size.toLocaleString('en')} ${p.target}: ${p.errors} errors (${JSON.stringify(p.statusCodes)})`);
		report.push({ scenario: scenario.name, sizes, points, plans, seeded, curve: lines });
	}

	for (const r of report) {
		const largest = Math.max(...r.sizes);
		console.log(`\nPlans at ${largest.toLocaleString('en')} (${r.scenario}): each distinct statement the list pages send, with its time at each size`);
		const seen = new Set<string>();
		for (const e of r.plans[largest]) {
			const key = `${e.sql}\u0000${e.plan.join('\n')}`;
			if (seen.has(key)) continue;
			seen.add(key);
			const times = r.sizes.map((s) => r.plans[s]?.find((x) => x.target === e.target && x.path === e.path && x.sql === e.sql)?.ms);
			console.log(`\n${e.target} ${e.path}: ${times.map((t, i) => `${t ?? '-'} ms at ${r.sizes[i].toLocaleString('en')}`).join(', ')}`);
			console.log(`  ${e.sql.length > 240 ? `${e.sql.slice(0, 240)}…` : e.sql}`);
			for (const l of e.plan) console.log(`    ${l}`);
			for (const s of e.seqScans) console.log(`    ! sequential scan of ${s}`);
		}
	}
	console.log('');
	for (const r of report) {
		for (const [size, s] of Object.entries(r.seeded)) if (s !== undefined) console.log(`${r.scenario} ${Number(size).toLocaleString('en')}: seeded in ${s} s`);
		console.log(r.curve.join('\n') + '\n');
	}
	for (const p of [...new Set(problems)]) console.log(`! ${p}`);
	mkdirSync('bench/results', { recursive: true });
	const file = join('bench/results', `growth-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
	const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model };
	writeFileSync(file, JSON.stringify({ startedAt, seconds: SECONDS, connections: CONNECTIONS, machine, report, problems }, null, '\t') + '\n');
	console.log(`results written to ${file}`);
	if (process.env.GROWTH_DROP)
		for (const { scenario, sizes } of runs) for (const size of sizes) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${PREFIX}_${scenario.name}_${size} WITH (FORCE)`));
	if (problems.length) process.exitCode = 1;
}

await main();
