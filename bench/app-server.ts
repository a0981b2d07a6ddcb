/**
 * The built app as the benches run it: a copy of build/, started as a child process on loopback
 * with the bench's limits, and the signed-in browser's cookies. Shared by run.ts and growth.ts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { cpSync, existsSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildIfStale, buildIsStale } from '../scripts/build-if-stale.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const AUTH_SECRET = randomBytes(32).toString('base64url');
/** Every process started here, so that an interrupted bench can end them. */
export const children = new Set<ChildProcess>();

/** Limits raised for loopback benchmarking (README, "Configuration"); the highest each setting takes. */
export const BENCH_LIMITS = { SIGN_IN_ATTEMPTS_PER_MINUTE: '10000', API_REQUESTS_PER_MINUTE: '1000000' };

function runCommand(command: string, args: string[]) {
	const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
	delete env.FORCE_COLOR;
	const r = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 10 * 60_000 });
	if (r.status === 0) return;
	// Vite prints pages of warnings; the lines that say "error" are the ones worth showing.
	const lines = `${r.stdout}\n${r.stderr}`.split('\n');
	const errors = lines.filter((l) => /error/i.test(l)).slice(0, 30);
	throw new Error(`${command} ${args.join(' ')} failed:\n${[...errors, '…', ...lines.slice(-15)].join('\n')}`);
}

export function prepare() {
	if (!existsSync('src/lib/paraglide/messages.js')) {
		console.log('compiling paraglide messages…');
		runCommand('npx', ['paraglide-js', 'compile', '--project', './project.inlang', '--outdir', './src/lib/paraglide']);
	}
	if (buildIsStale(ROOT)) console.log('building the app (vite build)…');
	buildIfStale(ROOT, { quiet: true });
}

/**
 * The app runs from a copy of build/: vite empties build/ when it rebuilds, and a server whose
 * chunks vanish mid-run fails in ways that look like bad figures. The copy sits beside
 * package.json ("type": "module") and a link to node_modules so that its imports still resolve.
 */
export function snapshotApp(work: string): string {
	const dir = join(work, 'app');
	cpSync('build', join(dir, 'build'), { recursive: true });
	cpSync('package.json', join(dir, 'package.json'));
	cpSync('drizzle', join(dir, 'drizzle'), { recursive: true });
	symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
	// scripts/serve.js is what production runs; it imports ../build/handler.js and finds ../drizzle.
	cpSync('scripts/serve.js', join(dir, 'scripts/serve.js'));
	return join(dir, 'scripts/serve.js');
}

export function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => ok(port));
		});
		s.on('error', fail);
	});
}

export type Proc = { child: ChildProcess; log: string };

export function start(label: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Proc {
	const log = join(logDir, `${label}.log`);
	const fd = openSync(log, 'w');
	const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
	children.add(child);
	child.once('exit', () => children.delete(child));
	return { child, log };
}

export async function stop(p: Proc | undefined) {
	if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
	const exited = new Promise((ok) => p.child.once('exit', ok));
	p.child.kill('SIGTERM');
	// PGlite flushes on shutdown; give it time, then stop waiting.
	if ((await Promise.race([exited, sleep(15_000, 'timeout', { ref: false })])) === 'timeout') p.child.kill('SIGKILL');
}

export async function waitReady(p: Proc, origin: string) {
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (p.child.exitCode !== null) break;
		try {
			await fetch(origin, { redirect: 'manual' });
			return;
		} catch {
			await sleep(250);
		}
	}
	throw new Error(`${origin} did not start:\n${logTail(p)}`);
}

export const logTail = (p: Proc) => (existsSync(p.log) ? readFileSync(p.log, 'utf8').slice(-2000) : '');

/** The app's environment. DATABASE_URL is the bench's admin URL, so the app only gets the bench database's. */
export function appEnv(port: number, dataDir: string, databaseUrl?: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_ENV: 'production',
		HOST: '127.0.0.1',
		PORT: String(port),
		ORIGIN: `http://127.0.0.1:${port}`,
		DATA_DIR: dataDir,
		SEED_DEMO: 'never',
		AUTH_SECRET,
		// Every request comes from 127.0.0.1 and every API call carries the bench's one token: at the
		// hub's own limits, bursts and API runs would measure the limiter (429) instead of the work.
		...BENCH_LIMITS
	};
	if (databaseUrl) env.DATABASE_URL = databaseUrl;
	else delete env.DATABASE_URL;
	return env;
}

/** better-call's signed cookie: value "." base64(HMAC-SHA256(value, secret)), URI-encoded. */
export function sessionCookie(token: string) {
	const signature = createHmac('sha256', AUTH_SECRET).update(token).digest('base64');
	return `sh.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

/**
 * The cookies a signed-in browser sends: the session, plus the short-lived signed copy of it that
 * the hub hands out on the first page so that later pages skip the session lookup.
 */
export async function browserCookies(origin: string, session: string): Promise<string> {
	const res = await fetch(`${origin}/directory`, { headers: { cookie: session }, redirect: 'manual' });
	const cached = res.headers.getSetCookie().find((c) => c.startsWith('sh.session_data='));
	return cached ? `${session}; ${cached.split(';')[0]}` : session;
}
