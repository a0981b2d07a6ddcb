// A hub of a journey's own: the built server on a fresh embedded database seeded with the demo,
// for journeys that need production defaults, or the demo exactly as seeded (the shared hub's
// demo data is changed by other journeys as they run).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import type { Hub } from './helpers.ts';

const root = new URL('..', import.meta.url).pathname;

/** The PostgreSQL server the journeys that need one create their databases on. */
export const postgresAdminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether that server answers within two seconds: journeys on PostgreSQL are skipped without one. */
export async function postgresReachable(): Promise<boolean> {
	const c = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2_000 });
	try {
		await c.connect();
		await c.end();
		return true;
	} catch {
		return false;
	}
}

export type OwnHub = { url: string; child: ChildProcess; log: string; temp: string };

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

/**
 * Starts the built hub seeded with the demo. It runs with production defaults (no ADDRESS_HEADER,
 * the default sign-in limits) plus `env`; mail goes nowhere. `hostName` is the origin's host: it
 * listens on 127.0.0.1 either way (passkeys need a domain name such as `localhost`, not an address).
 */
export async function startOwnHub(name: string, env: Record<string, string> = {}, { hostName = '127.0.0.1' } = {}): Promise<OwnHub> {
	const temp = mkdtempSync(join(tmpdir(), `sh-${name}-`));
	const port = await freePort();
	const url = `http://${hostName}:${port}`;
	const probe = `http://127.0.0.1:${port}`;
	const log = join(temp, 'server.log');
	const fd = openSync(log, 'a');
	const base: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
	for (const key of Object.keys(base))
		if (key.startsWith('VITEST') || key === 'TEST' || key === 'ADDRESS_HEADER' || key === 'XFF_DEPTH' || key === 'SIGN_IN_ATTEMPTS_PER_MINUTE') delete base[key];
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: root,
		env: { ...base, HOST: '127.0.0.1', PORT: String(port), ORIGIN: url, DATA_DIR: join(temp, 'data'), DATABASE_URL: '', SMTP_URL: '', SEED_DEMO: 'auto', MIGRATIONS_DIR: join(root, 'drizzle'), ...env },
		stdio: ['ignore', fd, fd]
	});
	closeSync(fd);
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the hub exited:\n${readFileSync(log, 'utf8').slice(-3000)}`);
		const ok = await fetch(`${probe}/healthz`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
		if (ok) return { url, child, log, temp };
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`the hub did not become healthy:\n${readFileSync(log, 'utf8').slice(-3000)}`);
}

/** Stops the hub (SIGTERM, then SIGKILL after ten seconds) and removes its data. */
export async function stopOwnHub(hub: OwnHub | undefined): Promise<void> {
	if (!hub) return;
	if (hub.child.exitCode === null && hub.child.signalCode === null) {
		const exited = new Promise<void>((r) => hub.child.once('exit', () => r()));
		hub.child.kill('SIGTERM');
		const timer = setTimeout(() => hub.child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	}
	rmSync(hub.temp, { recursive: true, force: true });
}

/** A page with cookies of its own on the hub, in the browser of the journey. */
export async function ownHubPage(browser: Hub, hub: OwnHub, { locale = 'en-GB', javaScriptEnabled = true } = {}): Promise<Page> {
	const context = await browser.browser.newContext({ baseURL: hub.url, locale, javaScriptEnabled, viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	page.setDefaultTimeout(15_000);
	page.setDefaultNavigationTimeout(30_000);
	return page;
}
