/**
 * Load tests of Support Hub's busiest pages and API calls, one scenario per capability
 * (bench/scenarios/), each against a bare node:http server running the same SQL, on PGlite and
 * (when DATABASE_URL is set) PostgreSQL. `npm run bench -- <scenario> …` runs only those named.
 * See bench/README.md.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { appEnv, browserCookies, children, freePort, logTail, prepare, ROOT, sessionCookie, snapshotApp, start, stop, waitReady, type Proc } from './app-server.ts';
import { clientJsSize, load, round, slowProfile, SLOW_3G, table, type ClientJs, type Measurement, type SlowPage, type Target } from './measure.ts';
import type { Credentials, Scenario, TargetSpec } from './scenario.ts';
import { SCENARIOS } from './scenarios/index.ts';

// The app resolves its migrations folder and paraglide output against the working directory.
process.chdir(ROOT);

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = [10, 50];
const WARMUP_SECONDS = Math.min(2, SECONDS);
// One database per run, so that two runs on one server never drop each other's data.
const BENCH_DB = process.env.BENCH_DATABASE || `sh_bench_${process.pid}`;

const tempDirs: string[] = [];
const failures: string[] = [];
const results: Measurement[] = [];
const bursts: { scenario: string; database: string; line: string }[] = [];
const clientJs: Record<string, ClientJs> = {};
const slowPages: SlowPage[] = [];
const FIRST_RENDER_BUDGET_MS = 2_000;

// Last resort when the run is interrupted: nothing outlives the bench.
process.on('exit', () => {
	for (const c of children) c.kill('SIGKILL');
	for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});
let benchDatabaseCreated = false;
async function interrupted(code: number) {
	for (const c of children) c.kill('SIGKILL');
	if (benchDatabaseCreated) await dropBenchDatabase().catch(() => {});
	process.exit(code);
}
process.once('SIGINT', () => void interrupted(130));
process.once('SIGTERM', () => void interrupted(143));







/** One request per target before loading it: a broken target is reported and skipped, not timed. */
async function check(scenario: Scenario, baselines: Target[], targets: { target: Target; spec: TargetSpec }[], database: string, app: Proc): Promise<Target[]> {
	const ok: Target[] = [];
	for (const { target: t, spec } of targets) {
		const base = baselines.find((b) => b.name === `baseline ${spec.name}`) ?? baselines[0];
		const expected = await (await fetch(base.origin + base.paths[0])).json();
		const res = await fetch(t.origin + t.paths[0], { method: t.method ?? 'GET', headers: t.headers, redirect: 'manual' });
		const body = await res.text();
		const where = `${scenario.name} ${database} ${t.name}: ${t.method ?? 'GET'} ${t.paths[0]}`;
		if (res.status < 200 || res.status > 299) {
			const location = res.headers.get('location');
			const log = res.status >= 500 ? `\n  app log: …${logTail(app)}` : '';
			failures.push(`${where} → ${res.status}${location ? ` (to ${location})` : ''}; not measured${log}`);
			continue;
		}
		const problem = scenario.check?.(spec, body, expected);
		if (problem) failures.push(`${where}: ${problem}`);
		ok.push(t);
	}
	return [...baselines, ...ok];
}

async function measure(scenario: Scenario, baselines: Target[], targets: { target: Target; spec: TargetSpec }[], database: string, app: Proc) {
	for (const t of await check(scenario, baselines, targets, database, app)) {
		await load(scenario.name, t, database, 10, WARMUP_SECONDS);
		for (const connections of CONNECTIONS) {
			const m = await load(scenario.name, t, database, connections, SECONDS);
			console.log(`${scenario.name} ${database} ${t.name} ×${connections}: ${m.requestsPerSecond} req/s, p99 ${m.p99Ms} ms, ${m.errors} errors, ${m.cpuMsPerRequest ?? '-'} cpu ms/req`);
			results.push(m);
			if (app.child.exitCode !== null || app.child.signalCode !== null) throw new Error(`the app exited during the run:\n${logTail(app)}`);
		}
	}
}

async function bench(scenario: Scenario, database: 'pglite' | 'postgres', work: string, entry: string) {
	const { openPglite, openPostgres } = await import('#lib/server/db/client.ts');
	const dataDir = join(work, `${scenario.name}-${database}-data`);
	const baselineDir = join(work, `${scenario.name}-${database}-baseline`);
	let benchUrl: string | undefined;
	let credentials: Credentials;

	console.log(`${scenario.name} ${database}: seeding…`);
	if (database === 'postgres') benchUrl = await createBenchDatabase();
	const db = benchUrl ? openPostgres(benchUrl) : openPglite(dataDir);
	try {
		await db.migrate();
		credentials = await scenario.seed(db);
	} finally {
		await db.close();
	}
	// PGlite allows one process per data dir: the baseline gets a copy, taken while nothing has it open.
	if (database === 'pglite') cpSync(dataDir, baselineDir, { recursive: true });

	const [appPort, basePort] = [await freePort(), await freePort()];
	let app: Proc | undefined;
	let baseline: Proc | undefined;
	try {
		baseline = start(`${scenario.name}-${database}-baseline`, ['bench/baseline.ts'], {
			...process.env,
			BASELINE_PORT: String(basePort),
			BASELINE_SCENARIO: scenario.name,
			...(benchUrl ? { BASELINE_DATABASE_URL: benchUrl } : { BASELINE_PGLITE_DIR: baselineDir })
		}, work);
		app = start(`${scenario.name}-${database}-app`, [entry], appEnv(appPort, dataDir, benchUrl), work);
		const appOrigin = `http://127.0.0.1:${appPort}`;
		const baseOrigin = `http://127.0.0.1:${basePort}`;
		await Promise.all([waitReady(app, appOrigin), waitReady(baseline, baseOrigin)]);
		const cookie = await browserCookies(appOrigin, sessionCookie(credentials.sessionToken));
		const headers = (spec: TargetSpec): Record<string, string> =>
			spec.auth === 'session' ? { cookie, accept: 'text/html' } : spec.auth === 'token' ? { authorization: `Bearer ${credentials.apiToken}` } : {};

		if (scenario.clientJsPage && !clientJs[scenario.name]) {
			const size = await clientJsSize(appOrigin + scenario.clientJsPage, { cookie, accept: 'text/html' });
			clientJs[scenario.name] = size;
			console.log(`${scenario.name}: ${scenario.clientJsPage} client JS ${round(size.gzipBytes / 1024)} KB gzip (${size.files.length} files)`);
		}
		for (const path of database === 'pglite' ? (scenario.journeyPages?.() ?? []) : []) {
			const p = await slowProfile(appOrigin + path, { cookie, accept: 'text/html' });
			slowPages.push(p);
			const line = `${scenario.name}: ${path} ${round(p.htmlBytes / 1024)} KB HTML + ${round(p.cssBytes / 1024)} KB CSS on the wire, first render ~${p.firstRenderMs} ms on slow 3G`;
			console.log(line);
			if (p.firstRenderMs > FIRST_RENDER_BUDGET_MS) failures.push(`${line}: over ${FIRST_RENDER_BUDGET_MS} ms`);
		}
		const bare = (name: string, paths: string[]): Target => ({ name, origin: baseOrigin, paths, headers: {}, pid: baseline!.child.pid });
		await measure(
			scenario,
			[bare('baseline', scenario.baseline.paths), ...scenario.targets.flatMap((spec) => (spec.baselinePaths ? [bare(`baseline ${spec.name}`, spec.baselinePaths)] : []))],
			scenario.targets.map((spec) => ({ spec, target: { name: spec.name, origin: appOrigin, paths: spec.paths, headers: headers(spec), method: spec.method, pid: app!.child.pid } })),
			database,
			app
		);
		if (scenario.burst) {
			const { lines, problems } = await scenario.burst({ origin: appOrigin, credentials, cookie, database });
			for (const l of lines) console.log(`${scenario.name} ${database}: ${l}`);
			bursts.push(...lines.map((line) => ({ scenario: scenario.name, database, line })));
			failures.push(...problems.map((p) => `${scenario.name} ${database}: ${p}`));
		}
	} finally {
		await Promise.all([stop(app), stop(baseline)]);
	}
}

async function admin<T>(fn: (c: import('pg').Client) => Promise<T>): Promise<T> {
	const { default: pg } = await import('pg');
	const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end();
	}
}

async function createBenchDatabase() {
	await admin(async (c) => {
		await c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
		await c.query(`CREATE DATABASE ${BENCH_DB}`);
	});
	benchDatabaseCreated = true;
	const url = new URL(process.env.DATABASE_URL!);
	url.pathname = `/${BENCH_DB}`;
	return url.toString();
}

async function dropBenchDatabase() {
	await admin((c) => c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`));
	benchDatabaseCreated = false;
}

function addRatios() {
	for (const r of results) {
		if (r.target.startsWith('baseline')) continue;
		const same = (b: Measurement) => b.scenario === r.scenario && b.database === r.database && b.connections === r.connections;
		// A target with baseline paths of its own is compared with that baseline.
		const base = results.find((b) => b.target === `baseline ${r.target}` && same(b)) ?? results.find((b) => b.target === 'baseline' && same(b));
		if (base?.requestsPerSecond) r.ratioToBaseline = round(r.requestsPerSecond / base.requestsPerSecond, 3);
		if (base?.cpuMsPerRequest && r.cpuMsPerRequest) r.cpuRatioToBaseline = round(base.cpuMsPerRequest / r.cpuMsPerRequest, 3);
	}
}

async function main() {
	const startedAt = new Date();
	const wanted = process.argv.slice(2);
	const unknown = wanted.filter((w) => !SCENARIOS.some((s) => s.name === w));
	if (unknown.length) throw new Error(`Unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
	const scenarios = wanted.length ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;
	prepare();
	const work = mkdtempSync(join(tmpdir(), 'sh-bench-'));
	tempDirs.push(work);
	const entry = snapshotApp(work);
	const engines = process.env.DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);
	// BENCH_ENGINES=postgres (or pglite) runs one engine only: seeding the large scenarios takes minutes.
	const only = process.env.BENCH_ENGINES?.split(',');
	const databases = only ? engines.filter((e) => only.includes(e)) : engines;
	for (const scenario of scenarios) {
		for (const database of databases) {
			try {
				await bench(scenario, database, work, entry);
			} catch (error) {
				// One run failing (say, the app does not start) still leaves the others' figures.
				// A failed query's message holds the whole statement; its cause says what went wrong.
				const { message, cause } = error as Error & { cause?: unknown };
				failures.push(`${scenario.name} ${database}: ${message.slice(0, 300)}${cause instanceof Error ? ` — ${cause.message}` : ''}`);
				process.exitCode = 1;
			} finally {
				if (benchDatabaseCreated) await dropBenchDatabase();
				// Data dirs of finished runs are large; drop them as soon as they are done with.
				for (const d of [`${scenario.name}-${database}-data`, `${scenario.name}-${database}-baseline`]) rmSync(join(work, d), { recursive: true, force: true });
			}
		}
	}
	addRatios();
	if (results.length) console.log('\n' + table(results));
	for (const b of bursts) console.log(`${b.scenario} ${b.database}: ${b.line}`);
	for (const [name, size] of Object.entries(clientJs)) console.log(`${name}: ${size.page} client JS ${round(size.gzipBytes / 1024)} KB gzip`);
	for (const p of slowPages) console.log(`${p.page}: ${round((p.htmlBytes + p.cssBytes) / 1024)} KB, first render ~${p.firstRenderMs} ms (${SLOW_3G.bytesPerSecond * 8 / 1000} kbit/s, ${SLOW_3G.rttMs} ms)`);
	for (const f of failures) console.log(`! ${f}`);
	if (failures.length) process.exitCode = 1;
	mkdirSync('bench/results', { recursive: true });
	const file = join('bench/results', `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
	const datasets = Object.fromEntries(scenarios.map((s) => [s.name, s.dataset]));
	const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model };
	writeFileSync(
		file,
		JSON.stringify({ startedAt, seconds: SECONDS, scenarios: scenarios.map((s) => s.name), datasets, machine, results, bursts, clientJs, slowPages, failures }, null, '\t') + '\n'
	);
	console.log(`\nresults written to ${file}`);
}

await main();
