// Starts everything the journeys talk to: a fresh build when the sources changed, an SMTP peer
// that keeps every message as a file, and the real server (scripts/serve.js) on an empty
// embedded database that seeds the demo accounts.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { TestProject } from 'vitest/node';
import { buildIfStale, buildIsStale } from '../scripts/build-if-stale.js';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		mailDir: string;
		/** The SMTP peer, for a journey's own hub whose mail a journey reads too. */
		smtpUrl: string;
	}
}

const root = new URL('..', import.meta.url).pathname;

function buildIfNeeded() {
	if (buildIsStale(root)) console.log('[e2e] building Support Hub…');
	// Quiet unless it fails: the build's output is long and says nothing about the journeys.
	buildIfStale(root, { quiet: true });
}

/**
 * A private copy of what the server runs. Others rebuild build/ while they work; a rebuild during
 * a run would swap the hashed client assets under the running server and fail journeys at random.
 */
function snapshotApp(into: string) {
	mkdirSync(join(into, 'scripts'), { recursive: true });
	cpSync(join(root, 'build'), join(into, 'build'), { recursive: true });
	cpSync(join(root, 'drizzle'), join(into, 'drizzle'), { recursive: true });
	copyFileSync(join(root, 'scripts/serve.js'), join(into, 'scripts/serve.js'));
	copyFileSync(join(root, 'package.json'), join(into, 'package.json'));
	symlinkSync(join(root, 'node_modules'), join(into, 'node_modules'), 'dir');
	if (!existsSync(join(into, 'build/handler.js'))) throw new Error('build/handler.js is missing after the build (another build running?)');
}

/** A port nobody listens on right now (the OS picks it, so parallel runs do not collide). */
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

/** Stores each message raw; written under a temporary name first so a reader never sees half a message. */
function startSmtp(mailDir: string): Promise<{ server: SMTPServer; port: number }> {
	let n = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('error', callback);
			stream.on('end', () => {
				const name = `${Date.now()}-${++n}.eml`;
				const tmp = join(mailDir, `.${name}.tmp`);
				writeFileSync(tmp, Buffer.concat(chunks));
				renameSync(tmp, join(mailDir, name));
				callback();
			});
		}
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const addr = server.server.address() as { port: number };
			resolve({ server, port: addr.port });
		});
	});
}

const tail = (file: string, lines = 40) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)');

async function waitForHealth(url: string, child: ChildProcess, log: string, ms = 90_000) {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`Support Hub exited with code ${child.exitCode} before it was healthy:\n${tail(log)}`);
		try {
			const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
			if (res.status === 200) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`Support Hub did not answer ${url} with 200 within ${ms / 1000} s:\n${tail(log)}`);
}

/** The environment the hub runs with in production: without Vitest's markers and NODE_ENV=test. */
function serverEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
	for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST') delete env[key];
	return env;
}

export default async function setup(project: TestProject) {
	buildIfNeeded();

	const tempRoot = mkdtempSync(join(tmpdir(), 'support-hub-e2e-'));
	const mailDir = join(tempRoot, 'mail');
	const dataDir = join(tempRoot, 'data');
	const log = join(tempRoot, 'server.log');
	const app = join(tempRoot, 'app');
	mkdirSync(mailDir);
	mkdirSync(dataDir);
	snapshotApp(app);

	const smtp = await startSmtp(mailDir);
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const logFd = openSync(log, 'a');
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		// Migrations are read from ./drizzle, so the copy is also the working directory.
		cwd: app,
		env: {
			...serverEnv(),
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: baseURL,
			DATA_DIR: dataDir,
			SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
			// Journeys sign in far more often than a person would.
			SIGN_IN_ATTEMPTS_PER_MINUTE: '1000',
			// The demo's staff sign in with a password alone here; account-security.e2e.ts runs a hub
			// with the default (admin and programme officer need a second factor) and checks it.
			STAFF_TWO_FACTOR_ROLES: 'none',
			SEED_DEMO: 'auto',
			// Always the embedded database, with the migrations of the copy.
			DATABASE_URL: '',
			MIGRATIONS_DIR: join(app, 'drizzle')
		},
		stdio: ['ignore', logFd, logFd]
	});
	closeSync(logFd);

	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise<void>((r) => child.once('exit', () => r()));
			child.kill('SIGTERM');
			// The server flushes PGlite on SIGTERM; give it a few seconds before forcing it.
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
		await new Promise<void>((r) => smtp.server.close(() => r()));
		if (process.env.E2E_KEEP_TEMP) console.log(`[e2e] kept ${tempRoot}`);
		else rmSync(tempRoot, { recursive: true, force: true });
	};

	try {
		await waitForHealth(`${baseURL}/healthz`, child, log);
	} catch (e) {
		await stop();
		throw e;
	}

	project.provide('baseURL', baseURL);
	project.provide('mailDir', mailDir);
	project.provide('smtpUrl', `smtp://127.0.0.1:${smtp.port}`);
	return stop;
}
