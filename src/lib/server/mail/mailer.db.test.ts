import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq, inArray, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import PostalMime from 'postal-mime';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPostgres, type Database } from '../db/client.ts';
import { registerForEvent } from '../events/register-for-event.ts';
import { eventRegistrations } from '../events/schema.ts';
import { ANONYMOUS } from '../identity/actor.ts';
import { makeEvent, makeTerm } from '../seed/events-factories.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { claimNext, deliverClaimed, deliverDue, DELIVERY_POLICY, messageIdFor, retryDelayMs } from './deliver-outbox.ts';
import { configureMail, mailTransport, queueMail } from './mailer.ts';
import { outboxMessages } from './schema.ts';
import { listOutbox } from './list-outbox.ts';
import { retryMail } from './retry-mail.ts';
import { activityEvents } from '../activity/schema.ts';
import { actorFor } from '../testing/actors.ts';

type Received = { messageId: string; to: string; subject: string; text: string; language: string | undefined; attachments: number };

/**
 * An SMTP peer for the tests. `mode` decides what it does with a message: accept it, refuse it
 * with a temporary error, or hold its answer (the sender sees no reply) until the connection goes.
 * A held message whose sender disappears is not accepted, as with a real mail server.
 */
class Peer {
	server: SMTPServer;
	port = 0;
	received: Received[] = [];
	mode: 'accept' | 'refuse' | 'hold' = 'accept';
	held = 0;
	constructor() {
		this.server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onData: (stream, session, callback) => {
				const chunks: Buffer[] = [];
				stream.on('data', (c) => chunks.push(c));
				stream.on('end', async () => {
					if (this.mode === 'refuse') return callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
					if (this.mode === 'hold') {
						this.held++;
						return; // never answers; the sender is killed meanwhile
					}
					const mail = await PostalMime.parse(Buffer.concat(chunks));
					this.received.push({
						messageId: mail.messageId ?? '',
						to: session.envelope.rcptTo[0].address,
						subject: mail.subject ?? '',
						text: mail.text ?? '',
						language: mail.headers.find((h) => h.key === 'content-language')?.value,
						attachments: mail.attachments.length
					});
					callback();
				});
			}
		});
	}
	async listen() {
		await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
		this.port = (this.server.server.address() as { port: number }).port;
		return this;
	}
	get url() {
		return `smtp://127.0.0.1:${this.port}`;
	}
	to(address: string) {
		return this.received.filter((r) => r.to === address);
	}
	close() {
		return new Promise<void>((r) => this.server.close(() => r()));
	}
}

let database: Database;
let peer: Peer;
const FROM = 'Support Hub <hub@example.org>';
const connectionString = () => (database.db as unknown as { $client: { options?: { connectionString?: string } } }).$client.options?.connectionString;

beforeAll(async () => {
	database = await freshDatabase();
	peer = await new Peer().listen();
});
afterEach(() => {
	peer.mode = 'accept';
	configureMail({ smtpUrl: peer.url, from: FROM });
});
afterAll(async () => {
	configureMail({});
	await peer.close();
	await database.close();
});

const rowsTo = (to: string) => database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, to));

describe('the outbox: mail is written with the change that owes it', () => {
	it('without a mail server a message is kept for admins to read and never sent', async () => {
		configureMail({});
		await queueMail(database.db, { kind: 'test', to: 'kept@example.org', locale: 'en', subject: 'Hello', text: 'Body' });
		configureMail({ smtpUrl: peer.url, from: FROM });
		await deliverDue(database.db);
		const [row] = await rowsTo('kept@example.org');
		expect(row.status).toBe('stored');
		expect(peer.to('kept@example.org')).toHaveLength(0);
	});

	it('a registration and its confirmation are committed together; the worker then sends it once, in the person’s language, with its calendar file', async () => {
		configureMail({ smtpUrl: peer.url, from: FROM });
		const formatId = (await makeTerm(database.db, { kind: 'format', code: 'open_webinar' })).id;
		const e = await makeEvent(database.db, { formatId, inHours: 72 });
		const { registration } = await registerForEvent(database.db, ANONYMOUS, e.id, { name: 'Ines', email: 'ines.outbox@example.org', consent: true }, { locale: 'fr' });
		const [row] = await rowsTo('ines.outbox@example.org');
		expect(row).toMatchObject({ status: 'queued', attempts: 0, kind: 'event_registered' });
		expect(row.attachments?.[0].filename).toBe('event.ics');
		expect(peer.to('ines.outbox@example.org')).toHaveLength(0); // nothing is sent by the request itself
		expect(await deliverDue(database.db)).toContain('sent');
		expect(await deliverDue(database.db)).toEqual([]);
		const got = peer.to('ines.outbox@example.org');
		expect(got).toHaveLength(1);
		expect(got[0]).toMatchObject({ language: 'fr', attachments: 1, messageId: messageIdFor(row.id, FROM) });
		expect(got[0].text).toContain('/events/registrations/');
		const [after] = await rowsTo('ines.outbox@example.org');
		expect(after).toMatchObject({ status: 'sent', attempts: 1, leaseUntil: null, claimToken: null });
		expect(registration.email).toBe('ines.outbox@example.org');
	});

	it('a change that is rolled back leaves no mail behind', async () => {
		await expect(
			database.db.transaction(async (tx) => {
				await queueMail(tx, { kind: 'test', to: 'rolled.back@example.org', locale: 'en', subject: 'S', text: 'T' });
				throw new Error('the change failed after its mail was queued');
			})
		).rejects.toThrow('the change failed');
		expect(await rowsTo('rolled.back@example.org')).toHaveLength(0);
		// The same through a use case: a refused registration (registration closed) queues nothing.
		const formatId = (await makeTerm(database.db, { kind: 'format', code: 'open_webinar' })).id;
		const e = await makeEvent(database.db, { formatId, inHours: 72, registrationClosesAt: new Date(Date.now() - 60_000) });
		const input = { name: 'Ola', email: 'ola.closed@example.org', consent: true };
		await expect(registerForEvent(database.db, ANONYMOUS, e.id, input, { locale: 'en' })).rejects.toMatchObject({ code: 'CONFLICT' });
		expect(await rowsTo('ola.closed@example.org')).toHaveLength(0);
		expect(await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.email, 'ola.closed@example.org'))).toHaveLength(0);
	});
});

describe('the delivery worker', () => {
	it('two workers emptying the outbox at once send every message exactly once', async () => {
		await deliverDue(database.db); // what earlier tests left
		const to = Array.from({ length: 24 }, (_, i) => `pair-${i}@example.org`);
		for (const address of to) await queueMail(database.db, { kind: 'test', to: address, locale: 'en', subject: 'Pair', text: 'x' });
		// On PostgreSQL the second worker has a pool of its own, as a second instance would.
		const url = connectionString();
		const second = database.kind === 'postgres' && url ? openPostgres(url, 4) : database;
		try {
			const [a, b] = await Promise.all([deliverDue(database.db), deliverDue(second.db)]);
			expect([...a, ...b]).toEqual(Array(24).fill('sent'));
		} finally {
			if (second !== database) await second.close();
		}
		const got = peer.received.filter((r) => to.includes(r.to));
		expect(got).toHaveLength(24);
		expect(new Set(got.map((r) => r.messageId)).size).toBe(24);
		const rows = await database.db.select().from(outboxMessages).where(inArray(outboxMessages.toAddress, to));
		expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
	});

	it('a refused message is tried again with growing waits, then given up', async () => {
		peer.mode = 'refuse';
		const policy = { ...DELIVERY_POLICY, maxAttempts: 3 };
		await queueMail(database.db, { kind: 'test', to: 'refused@example.org', locale: 'en', subject: 'Later', text: 'x' });
		const t0 = new Date(Date.now() + 1000);
		const only = async (now: Date) => (await deliverDue(database.db, { now, policy })).length;
		expect(await only(t0)).toBe(1);
		let [row] = await rowsTo('refused@example.org');
		expect(row).toMatchObject({ status: 'retrying', attempts: 1 });
		expect(row.error).toMatch(/451|busy/);
		expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1, policy));
		expect(retryDelayMs(2, policy)).toBe(2 * retryDelayMs(1, policy));
		// Not before its time.
		expect(await only(new Date(t0.getTime() + retryDelayMs(1, policy) - 1000))).toBe(0);
		const t1 = new Date(t0.getTime() + retryDelayMs(1, policy));
		expect(await only(t1)).toBe(1);
		[row] = await rowsTo('refused@example.org');
		expect(row).toMatchObject({ status: 'retrying', attempts: 2 });
		expect(row.nextAttemptAt.getTime()).toBe(t1.getTime() + retryDelayMs(2, policy));
		expect(await only(new Date(row.nextAttemptAt.getTime()))).toBe(1);
		[row] = await rowsTo('refused@example.org');
		expect(row).toMatchObject({ status: 'given_up', attempts: 3 });
		expect(await only(new Date(t1.getTime() + 86_400_000))).toBe(0);
		expect(peer.to('refused@example.org')).toHaveLength(0);
	});

	it('a worker that dies mid-delivery loses its lease; the message is sent once by the next, under the same Message-ID', async () => {
		await queueMail(database.db, { kind: 'test', to: 'lease@example.org', locale: 'es', subject: 'Hola', text: 'x' });
		const now = new Date(Date.now() + 1000);
		const dead = await claimNext(database.db, now);
		expect(dead).toMatchObject({ status: 'sending', attempts: 1 });
		// While its lease holds, nobody else takes it.
		expect(await deliverDue(database.db, { now: new Date(now.getTime() + DELIVERY_POLICY.leaseMs - 1000) })).toEqual([]);
		const later = new Date(now.getTime() + DELIVERY_POLICY.leaseMs + 1000);
		expect(await deliverDue(database.db, { now: later })).toEqual(['sent']);
		// The first worker wakes up late: its claim is gone, so it records nothing over the outcome.
		expect(await deliverClaimed(database.db, dead!, { sendMail: async () => ({}) as never }, later)).toBe('lost_claim');
		const [row] = await rowsTo('lease@example.org');
		expect(row).toMatchObject({ status: 'sent', attempts: 2 });
		const got = peer.to('lease@example.org');
		expect(got).toHaveLength(1);
		expect(got[0].messageId).toBe(messageIdFor(row.id, FROM));
	});

	it('a message to an address erased before it was sent is given up, not sent', async () => {
		await queueMail(database.db, { kind: 'test', to: 'erased-1@erased.invalid', locale: 'en', subject: '', text: '' });
		expect(await deliverDue(database.db)).toEqual(['given_up']);
		expect(mailTransport()).toBeDefined();
	});
});

describe('the outbox page', () => {
	it('admins see messages by state and send a given-up one again, which the audit log records', async () => {
		peer.mode = 'refuse';
		await queueMail(database.db, { kind: 'test', to: 'again@example.org', locale: 'en', subject: 'Again', text: 'x' });
		await deliverDue(database.db, { policy: { ...DELIVERY_POLICY, maxAttempts: 1 } });
		peer.mode = 'accept';
		const admin = await actorFor(database.db, 'admin');
		const officer = await actorFor(database.db, 'programme_officer');
		const [row] = await rowsTo('again@example.org');
		expect(row.status).toBe('given_up');
		const list = await listOutbox(database.db, admin, { state: 'given_up' });
		expect(list.items.map((i) => i.id)).toContain(row.id);
		expect(list.items.every((i) => i.status === 'given_up' || i.status === 'failed')).toBe(true);
		expect(list.counts.given_up).toBe(list.total);
		expect((await listOutbox(database.db, admin, { state: 'nonsense', page: 'x' })).state).toBeNull();
		await expect(listOutbox(database.db, officer, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(retryMail(database.db, officer, row.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
		await expect(retryMail(database.db, admin, 'not-an-id')).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect(await retryMail(database.db, admin, row.id)).toEqual({ id: row.id, status: 'queued' });
		await expect(retryMail(database.db, admin, row.id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
		expect(await deliverDue(database.db)).toEqual(['sent']);
		expect(peer.to('again@example.org')).toHaveLength(1);
		const [after] = await rowsTo('again@example.org');
		expect(after).toMatchObject({ status: 'sent', attempts: 2 });
		const audit = await database.db.select().from(activityEvents).where(eq(activityEvents.subjectId, row.id));
		expect(audit).toMatchObject([{ action: 'mail_retried', subjectType: 'outbox_message', changes: { status: { from: 'given_up', to: 'queued' } } }]);
	});
});

describe('the outbox crash test', () => {
	const child = resolve('src/lib/server/testing/outbox-worker-child.ts');
	/** Runs a worker process on `target`; resolves with its output when it exits (or is killed). */
	const runWorker = (target: string, env: Record<string, string>, onLine?: (line: string, kill: () => void) => void) =>
		new Promise<string>((done, fail) => {
			const p = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', child, target], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
			let out = '';
			let err = '';
			p.stdout.on('data', (d) => {
				out += d;
				for (const line of String(d).split('\n')) if (line) onLine?.(line, () => p.kill('SIGKILL'));
			});
			p.stderr.on('data', (d) => (err += d));
			p.on('error', fail);
			p.on('exit', (code, signal) => (code === 0 || signal === 'SIGKILL' ? done(out) : fail(new Error(`worker exited ${code}: ${err}`))));
		});

	it('a worker killed with SIGKILL while the mail server holds the message: after a restart, exactly one mail arrives', async () => {
		// The outbox lives where a separate process can open it: this file's PostgreSQL database,
		// or an embedded data directory made from the migrated template.
		let target: string;
		let dir: string | undefined;
		let db: Database;
		const url = connectionString();
		if (database.kind === 'postgres' && url) {
			target = url;
			db = database;
		} else {
			dir = mkdtempSync(join(tmpdir(), 'outbox-crash-'));
			target = dir;
			const client = new PGlite(join(dir, 'pglite'), { loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
			await client.waitReady;
			const { wrapPglite } = await import('../db/client.ts');
			db = wrapPglite(client);
		}
		try {
			await db.db.execute(sql`delete from outbox_messages where status in ('queued', 'retrying', 'sending')`);
			await queueMail(db.db, { kind: 'test', to: 'crash@example.org', locale: 'en', subject: 'Once', text: 'only once' });
			const [queued] = await db.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'crash@example.org'));
			if (dir) await db.close();
			peer.mode = 'hold';
			const heldBefore = peer.held;
			const env = { SMTP_URL: peer.url, LEASE_MS: '1500' };
			// First worker: claims, sends the whole message, and is killed while waiting for the answer.
			const out = await runWorker(target, env, (line, kill) => {
				if (!line.startsWith('claimed')) return;
				const poll = setInterval(() => {
					if (peer.held > heldBefore) {
						clearInterval(poll);
						kill();
					}
				}, 20);
			});
			expect(out).toContain(`claimed ${queued.id}`);
			expect(out).not.toContain('done');
			expect(peer.to('crash@example.org')).toHaveLength(0);
			// Restart: the new worker waits out the dead one's lease and sends the message.
			peer.mode = 'accept';
			const again = await runWorker(target, env);
			expect(again).toContain('done 1');
			const got = peer.to('crash@example.org');
			expect(got).toHaveLength(1);
			expect(got[0].messageId).toBe(messageIdFor(queued.id, FROM));
			if (dir) {
				const client = new PGlite(join(dir, 'pglite'));
				const { wrapPglite } = await import('../db/client.ts');
				db = wrapPglite(client);
			}
			const [row] = await db.db.select().from(outboxMessages).where(eq(outboxMessages.id, queued.id));
			expect(row).toMatchObject({ status: 'sent', attempts: 2 });
		} finally {
			if (dir) {
				await db.close().catch(() => {});
				rmSync(dir, { recursive: true, force: true });
			}
		}
	}, 60_000);
});
