// Operations from outside, on the built server: `npm start` stops when it is stopped, a second
// process is refused on a data directory in use, an operator reads one JSON line per request and
// scrapes /metrics with its token, and (on PostgreSQL) the running server outlives its database
// going away — 503 pages and API errors while it is away, healed without restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ChaosProxy } from '../src/lib/server/testing/chaos-proxy.ts';
import { parseExposition } from '../src/lib/server/testing/prometheus-text.ts';
import es from '../messages/es.json' with { type: 'json' };
import { postgresAdminUrl, postgresReachable } from './own-hub.ts';

const root = new URL('..', import.meta.url).pathname;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
	for (const c of cleanups.reverse()) await c();
});

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
	});
}

type Started = { child: ChildProcess; out: () => string; exited: Promise<number | null> };
function run(cmd: string, args: string[], env: Record<string, string>): Started {
	let out = '';
	const child = spawn(cmd, args, { cwd: root, env: { ...process.env, JOBS: 'off', SEED_DEMO: 'never', DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
	cleanups.push(() => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	});
	return { child, out: () => out, exited };
}

async function waitFor(what: string, fn: () => Promise<boolean>, withinMs: number) {
	const until = Date.now() + withinMs;
	while (Date.now() < until) {
		if (await fn().catch(() => false)) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`timed out waiting for ${what}`);
}

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

const get = (url: string, init: RequestInit = {}) => fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });

describe('processes behave', () => {
	it('SIGTERM to `npm start` leaves no server behind, and a second process on its data directory is refused', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'sh-ops-start-'));
		cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
		const port = await freePort();
		const npm = run('npm', ['start'], { PORT: String(port), DATA_DIR: dataDir });
		await waitFor('the server', async () => (await get(`http://127.0.0.1:${port}/healthz`)).ok, 120_000);
		const lockFile = join(dataDir, 'pglite', 'support-hub.lock');
		const serverPid = JSON.parse(readFileSync(lockFile, 'utf8')).pid as number;
		expect(serverPid).not.toBe(npm.child.pid);

		// A second server on the same directory stops at once, with one line and no stack trace.
		const second = run(process.execPath, ['scripts/serve.js'], { PORT: String(await freePort()), DATA_DIR: dataDir });
		expect(await second.exited).toBe(1);
		expect(second.out().trim().split('\n')).toEqual([expect.stringContaining(`it is in use by process ${serverPid}`)]);

		// An idle keep-alive connection must not hold the server up.
		await get(`http://127.0.0.1:${port}/healthz`, { keepalive: true });
		npm.child.kill('SIGTERM');
		await waitFor('the server to stop', async () => !alive(serverPid), 25_000);
		await expect(get(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
		expect(existsSync(lockFile)).toBe(false);
	}, 180_000);
});

describe('operators can see', () => {
	it('one JSON line per request without personal data, and /metrics behind METRICS_TOKEN in the Prometheus format', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'sh-ops-see-'));
		cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		const token = randomBytes(24).toString('base64url');
		const server = run(process.execPath, ['scripts/serve.js'], { PORT: String(port), DATA_DIR: dataDir, METRICS_TOKEN: token, LOG_FORMAT: '' });
		await waitFor('the server', async () => (await get(`${base}/healthz`)).ok, 120_000);

		const faq = await get(`${base}/faq?q=nadia.private@example.org`, { headers: { 'x-request-id': 'proxy-id-0001.a' } });
		expect(faq.status).toBe(200);
		expect(faq.headers.get('x-request-id')).toBe('proxy-id-0001.a');
		const missing = await get(`${base}/events/00000000-0000-4000-8000-000000000000`);
		expect(missing.status).toBe(404);
		const generated = missing.headers.get('x-request-id');
		expect(generated).toMatch(/^[0-9a-f-]{36}$/);
		const signIn = await get(`${base}/sign-in`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base }, body: 'email=nadia.private%40example.org&password=wrong-password-here', redirect: 'manual' });
		expect(signIn.status).toBeLessThan(500);

		expect((await get(`${base}/metrics`)).status).toBe(401);
		expect((await get(`${base}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } })).status).toBe(401);
		const scrape = await get(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
		expect(scrape.status).toBe(200);
		const families = parseExposition(await scrape.text());
		const requests = families.get('supporthub_http_requests_total')!.samples;
		expect(requests).toContainEqual(expect.objectContaining({ labels: { method: 'GET', route: '/faq', status_class: '2xx' } }));
		expect(requests).toContainEqual(expect.objectContaining({ labels: { method: 'GET', route: '/events/[id]', status_class: '4xx' } }));
		expect(families.get('supporthub_http_request_duration_seconds')!.type).toBe('histogram');
		expect(families.get('supporthub_database_up')!.samples[0].value).toBe(1);
		for (const name of ['supporthub_outbox_messages', 'supporthub_jobs', 'process_resident_memory_bytes']) expect(families.has(name), name).toBe(true);

		// Each request is one JSON line on stdout: route pattern, status, duration, request id; no
		// address, query string or anything the person typed.
		await waitFor('the log lines', async () => server.out().includes(generated!), 5_000);
		const lines = server.out().split('\n').filter((l) => l.startsWith('{'));
		const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
		expect(logged.find((l) => l.requestId === 'proxy-id-0001.a')).toMatchObject({ level: 'info', method: 'GET', route: '/faq', status: 200, durationMs: expect.any(Number) });
		expect(logged.find((l) => l.requestId === generated)).toMatchObject({ method: 'GET', route: '/events/[id]', status: 404 });
		expect(logged.some((l) => l.route === '/sign-in' && l.method === 'POST')).toBe(true);
		expect(server.out()).not.toMatch(/nadia|example\.org|wrong-password|00000000-0000-4000/);
		expect(server.out()).not.toContain(token);
		server.child.kill('SIGTERM');
		expect(await server.exited).toBe(0);
	}, 180_000);
});

const url = postgresAdminUrl;

describe.skipIf(!(await postgresReachable()))('the server outlives its database (PostgreSQL behind a proxy of the test)', () => {
	it('answers 503 in time (page in the reader language, API error shape, /healthz with reason) and heals without restart', async () => {
		const name = `sh_e2e_ops_${randomBytes(4).toString('hex')}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name}`);
		cleanups.push(async () => {
			await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		});
		const target = new URL(url);
		const proxy = new ChaosProxy({ host: target.hostname, port: Number(target.port || 5432) });
		await proxy.listen();
		cleanups.push(() => proxy.close());
		const viaProxy = new URL(url);
		viaProxy.hostname = '127.0.0.1';
		viaProxy.port = String(proxy.port);
		viaProxy.pathname = `/${name}`;
		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		const server = run(process.execPath, ['scripts/serve.js'], {
			PORT: String(port),
			DATABASE_URL: viaProxy.toString(),
			DB_CONNECT_TIMEOUT_MS: '1000',
			DB_STATEMENT_TIMEOUT_MS: '2000',
			JOBS: 'on',
			JOBS_POLL_SECONDS: '1',
			DATA_DIR: mkdtempSync(join(tmpdir(), 'sh-ops-pg-'))
		});
		await waitFor('the server', async () => (await get(`${base}/healthz`)).ok, 120_000);
		const BOUND_MS = 1_000 + 2 * 3_000 + 2_000;

		const expectUnavailable = async () => {
			let t0 = Date.now();
			const health = await get(`${base}/healthz`);
			expect(Date.now() - t0).toBeLessThan(BOUND_MS);
			expect(health.status).toBe(503);
			expect((await health.json()).reason).toMatch(/database/);

			t0 = Date.now();
			const page = await get(`${base}/faq`, { headers: { cookie: 'PARAGLIDE_LOCALE=es' }, redirect: 'manual' });
			expect(Date.now() - t0).toBeLessThan(BOUND_MS);
			expect(page.status).toBe(503);
			expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
			const html = await page.text();
			expect(html).toContain(es.ops_unavailable_title);
			expect(html).toContain('lang="es"');

			const apiRes = await get(`${base}/api/v1/organisations`, { headers: { authorization: 'Bearer shk_not_a_real_token', accept: 'application/json' } });
			expect(apiRes.status).toBe(503);
			expect(apiRes.headers.get('retry-after')).toMatch(/^\d+$/);
			expect((await apiRes.json()).error).toMatchObject({ code: 'UNAVAILABLE', message: expect.any(String) });
		};
		const expectHealed = async () => {
			await waitFor('/healthz 200 again', async () => (await get(`${base}/healthz`)).status === 200, 20_000);
			expect((await get(`${base}/api/v1/organisations`, { headers: { authorization: 'Bearer shk_not_a_real_token' } })).status).toBe(401);
		};

		await proxy.refuse();
		await expectUnavailable();
		await proxy.restore();
		await expectHealed();

		proxy.mode = 'blackhole';
		proxy.cutAll();
		await expectUnavailable();
		await proxy.restore();
		await expectHealed();

		await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
		await expectHealed();

		expect(server.child.exitCode).toBeNull();
		expect(server.out()).not.toMatch(/Unhandled|uncaught/i);
	}, 240_000);
});
