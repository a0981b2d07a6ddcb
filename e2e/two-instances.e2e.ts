// Two built servers on one fresh PostgreSQL database, sharing nothing else: not DATA_DIR, not
// memory. What one instance does, the other sees. Runs where a PostgreSQL server answers
// (DATABASE_URL, or the local one CI starts); skipped otherwise.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, like } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../src/lib/server/db/client.ts';
import { eventRegistrations, events } from '../src/lib/server/events/schema.ts';
import { REMINDER_JOB } from '../src/lib/server/events/reminders.ts';
import { PgBossJobQueue } from '../src/lib/server/jobs/pg-boss-queue.ts';
import { outboxMessages } from '../src/lib/server/mail/schema.ts';
import { makeEvent } from '../src/lib/server/seed/events-factories.ts';
import { makeUser } from '../src/lib/server/seed/factories.ts';
import { postgresAdminUrl, postgresReachable } from './own-hub.ts';

const root = new URL('..', import.meta.url).pathname;
const adminUrl = postgresAdminUrl;

const available = await postgresReachable();

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

type Instance = { url: string; child: ChildProcess; log: string };

async function startInstance(databaseUrl: string, secret: string, temp: string, name: string): Promise<Instance> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const log = join(temp, `${name}.log`);
	const fd = openSync(log, 'a');
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
	for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST') delete env[key];
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: root,
		env: {
			...env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: url,
			DATABASE_URL: databaseUrl,
			AUTH_SECRET: secret,
			// Each instance its own directory: nothing may depend on sharing it.
			DATA_DIR: join(temp, `${name}-data`),
			SMTP_URL: '',
			SEED_DEMO: 'never',
			SIGN_IN_ATTEMPTS_PER_MINUTE: '1000',
			STAFF_TWO_FACTOR_ROLES: 'none',
			JOBS_POLL_SECONDS: '1',
			MIGRATIONS_DIR: join(root, 'drizzle')
		},
		stdio: ['ignore', fd, fd]
	});
	closeSync(fd);
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`${name} exited:\n${readFileSync(log, 'utf8').slice(-3000)}`);
		const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
		if (ok) return { url, child, log };
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`${name} did not become healthy:\n${readFileSync(log, 'utf8').slice(-3000)}`);
}

async function stopInstance(i: Instance | undefined) {
	if (!i || i.child.exitCode !== null || i.child.signalCode !== null) return;
	const exited = new Promise<void>((r) => i.child.once('exit', () => r()));
	i.child.kill('SIGTERM');
	const timer = setTimeout(() => i.child.kill('SIGKILL'), 10_000);
	await exited;
	clearTimeout(timer);
}

/** A session cookie from a sign-in on the given instance. */
async function signIn(base: string, email: string, password: string): Promise<string> {
	// Through the hub's own sign-in form: the auth library's endpoints are closed to clients.
	const res = await fetch(`${base}/sign-in`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, accept: 'text/html' },
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	expect(res.status, res.status === 303 ? '' : (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 600)).toBe(303);
	return res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

describe.skipIf(!available)('two instances on one PostgreSQL database', () => {
	const name = `sh_two_${randomBytes(4).toString('hex')}`;
	const secret = randomBytes(32).toString('base64url');
	const temp = mkdtempSync(join(tmpdir(), 'sh-two-'));
	let admin: pg.Client;
	let database: Database;
	let a: Instance;
	let b: Instance;
	let dbUrl: string;
	let seatsEvent: typeof events.$inferSelect;

	beforeAll(async () => {
		admin = new pg.Client({ connectionString: adminUrl });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name}`);
		const url = new URL(adminUrl);
		url.pathname = `/${name}`;
		dbUrl = url.toString();
		// Both start at once: migrations take turns under the advisory lock.
		[a, b] = await Promise.all([startInstance(dbUrl, secret, temp, 'a'), startInstance(dbUrl, secret, temp, 'b')]);
		database = openPostgres(dbUrl, 4);
	}, 150_000);

	afterAll(async () => {
		await Promise.all([stopInstance(a), stopInstance(b)]);
		await database?.close();
		await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin?.end();
		rmSync(temp, { recursive: true, force: true });
	});

	it('a session made on one instance is honoured by the other', async () => {
		await makeUser(database.db, { email: 'officer-two@example.org', password: 'two-instances-pass', role: 'programme_officer' });
		const cookie = await signIn(a.url, 'officer-two@example.org', 'two-instances-pass');
		const signedIn = await fetch(`${b.url}/library/new`, { headers: { cookie }, redirect: 'manual' });
		expect(signedIn.status).toBe(200);
		const anonymous = await fetch(`${b.url}/library/new`, { redirect: 'manual' });
		expect(anonymous.status).toBeGreaterThanOrEqual(300);
		expect(anonymous.status).toBeLessThan(400);
	});

	it('a file uploaded through one instance downloads from the other, with the same checks', async () => {
		const cookie = await signIn(b.url, 'officer-two@example.org', 'two-instances-pass');
		const text = `Guía de incidencia ${randomBytes(4).toString('hex')}\n`.repeat(20_000);
		const form = new FormData();
		form.set('type', 'template');
		form.set('versions.es.title', 'Shared across instances');
		form.set('file.es', new Blob([text], { type: 'text/plain' }), 'guia.txt');
		const res = await fetch(`${a.url}/library/new`, { method: 'POST', body: form, headers: { cookie, origin: a.url, accept: 'text/html' }, redirect: 'manual' });
		expect(res.status, res.status === 303 ? '' : (await res.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 600)).toBe(303);
		const id = res.headers.get('location')!.split('/').pop();
		const download = await fetch(`${b.url}/library/${id}/file`);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('text/plain');
		expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''guia\.txt$/);
		expect(download.headers.get('x-content-type-options')).toBe('nosniff');
		expect(await download.text()).toBe(text);
	});

	it('200 registrations for 50 seats, split across both, never over-book', async () => {
		const event = await makeEvent(database.db, { title: 'Shared seats', capacity: 50, inHours: 72 });
		const targets = Array.from({ length: 200 }, (_, i) => (i % 2 ? a.url : b.url));
		const statuses: number[] = [];
		// Twenty at a time: enough to contend for the event's row lock on both instances.
		for (let at = 0; at < targets.length; at += 20) {
			const batch = targets.slice(at, at + 20).map(async (base, j) => {
				const body = new URLSearchParams({ name: `Guest ${at + j}`, email: `guest${at + j}@example.org`, consent: 'on' });
				const r = await fetch(`${base}/events/${event.id}?/register`, { method: 'POST', body, headers: { origin: base, accept: 'text/html' }, redirect: 'manual' });
				return r.status;
			});
			statuses.push(...(await Promise.all(batch)));
		}
		expect(statuses.every((s) => s === 303)).toBe(true);
		const byStatus = await database.db
			.select({ status: eventRegistrations.status, n: count() })
			.from(eventRegistrations)
			.where(eq(eventRegistrations.eventId, event.id))
			.groupBy(eventRegistrations.status);
		expect(Object.fromEntries(byStatus.map((r) => [r.status, r.n]))).toEqual({ confirmed: 50, waitlisted: 150 });
		const [after] = await database.db.select({ confirmed: events.confirmedCount }).from(events).where(eq(events.id, event.id));
		expect(after.confirmed).toBe(50);
		seatsEvent = event;
	}, 120_000);

	it('a job scheduled once runs once, though both instances poll for it every second', async () => {
		const event = seatsEvent;
		expect(event).toBeDefined();
		const queue = new PgBossJobQueue(dbUrl);
		await queue.start();
		await queue.schedule(REMINDER_JOB, { eventId: event.id, when: 'day', startsAt: event.startsAt.toISOString() }, new Date(), { key: `event:${event.id}:day` });
		await queue.stop();
		const sent = () =>
			database.db
				.select({ n: count() })
				.from(outboxMessages)
				.where(and(eq(outboxMessages.kind, 'event_reminder_day'), like(outboxMessages.toAddress, 'guest%@example.org')))
				.then((r) => r[0].n);
		const deadline = Date.now() + 30_000;
		while ((await sent()) < 50 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
		// Several more polls of both instances: nothing runs a second time.
		await new Promise((r) => setTimeout(r, 3_000));
		expect(await sent()).toBe(50);
	}, 60_000);
});
