import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { ANONYMOUS } from '../identity/actor.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeEvent, makeTerm } from '../seed/events-factories.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { registerForEvent } from '../events/register-for-event.ts';
import { planMissingReminders, REMINDER_JOB, registerEventJobs, reminderPlan, scheduleReminders } from '../events/reminders.ts';
import { saveSurvey } from '../events/save-survey.ts';
import { actorFor } from '../testing/actors.ts';
import { LocalJobQueue } from './local-queue.ts';
import { PgBossJobQueue } from './pg-boss-queue.ts';
import { scheduledJobs } from './schema.ts';

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(async () => {
	await database?.close();
});

describe('the in-process job queue (embedded database)', () => {
	it('runs a job when it is due, not before, and keeps it in the table', async () => {
		const q = new LocalJobQueue(database.db);
		const seen: unknown[] = [];
		q.register('test.echo', async (p) => void seen.push(p));
		const at = new Date('2030-01-01T10:00:00Z');
		expect(await q.schedule('test.echo', { n: 1 }, at)).toBe(true);
		expect(await q.runDue(new Date('2030-01-01T09:59:00Z'))).toBe(0);
		expect(await q.runDue(new Date('2030-01-01T10:00:00Z'))).toBe(1);
		expect(seen).toEqual([{ n: 1 }]);
		expect(await q.runDue(new Date('2030-01-01T10:05:00Z'))).toBe(0);
	});

	it('a second schedule with the same key is ignored; cancel by key removes it', async () => {
		const q = new LocalJobQueue(database.db);
		let runs = 0;
		q.register('test.count', async () => void runs++);
		expect(await q.schedule('test.count', {}, new Date('2030-02-01T00:00:00Z'), { key: 'k1' })).toBe(true);
		expect(await q.schedule('test.count', {}, new Date('2030-02-01T00:00:00Z'), { key: 'k1' })).toBe(false);
		expect(await q.cancel('k1')).toBe(true);
		expect(await q.cancel('k1')).toBe(false);
		expect(await q.schedule('test.count', {}, new Date('2030-02-01T00:00:00Z'), { key: 'k1' })).toBe(true);
		await q.runDue(new Date('2030-02-01T00:00:00Z'));
		expect(runs).toBe(1);
	});

	it('nothing is lost on a restart: a new queue on the same database runs what the old one scheduled', async () => {
		const before = new LocalJobQueue(database.db);
		await before.schedule('test.restart', { ok: true }, new Date('2030-03-01T00:00:00Z'), { key: 'restart' });
		await before.stop();
		const after = new LocalJobQueue(database.db);
		const seen: unknown[] = [];
		after.register('test.restart', async (p) => void seen.push(p));
		await after.runDue(new Date('2030-03-01T00:01:00Z'));
		expect(seen).toEqual([{ ok: true }]);
	});

	it('a failing job is retried later, then marked failed', async () => {
		const q = new LocalJobQueue(database.db, { log: () => {} });
		q.register('test.fail', async () => {
			throw new Error('mail server down');
		});
		await q.schedule('test.fail', {}, new Date('2030-04-01T00:00:00Z'), { key: 'fails' });
		let t = new Date('2030-04-01T00:00:00Z').getTime();
		for (let i = 0; i < 5; i++) {
			await q.runDue(new Date(t));
			t += 10 * 60_000;
		}
		const [row] = await database.db.select().from(scheduledJobs).where(eq(scheduledJobs.key, 'fails'));
		expect(row ?? (await database.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, 'test.fail')))[0]).toMatchObject({ status: 'failed', attempts: 5, lastError: 'mail server down' });
	});

	it('recurring jobs run once in each matching minute', async () => {
		const q = new LocalJobQueue(database.db);
		let runs = 0;
		q.every('test.daily', '0 6 * * *', async () => void runs++);
		await q.runDue(new Date('2030-05-01T06:00:05Z'));
		await q.runDue(new Date('2030-05-01T06:00:40Z'));
		await q.runDue(new Date('2030-05-01T07:00:00Z'));
		await q.runDue(new Date('2030-05-02T06:00:00Z'));
		expect(runs).toBe(2);
	});
});

describe('event reminders through the queue', () => {
	it('a day and an hour before, each confirmed person gets a reminder in their language without the meeting link', async () => {
		const formatId = (await makeTerm(database.db, { kind: 'format', code: 'open_webinar' })).id;
		const q = new LocalJobQueue(database.db);
		registerEventJobs(q, database.db);
		const e = await makeEvent(database.db, { formatId, inHours: 72, meetingUrl: 'https://meet.example.org/private-room' });
		await registerForEvent(database.db, ANONYMOUS, e.id, { name: 'Ama', email: 'ama.reminded@example.org', consent: true }, { locale: 'fr' });
		await scheduleReminders(q, e);
		await scheduleReminders(q, e); // saving again replaces, never doubles
		expect(reminderPlan(e).map((p) => p.when)).toEqual(['day', 'hour', 'after']);
		await q.runDue(new Date(e.startsAt.getTime() - 24 * 3_600_000));
		await q.runDue(new Date(e.startsAt.getTime() - 3_600_000));
		const mails = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'ama.reminded@example.org'));
		const reminders = mails.filter((m) => m.kind.startsWith('event_reminder'));
		expect(reminders.map((m) => m.kind)).toEqual(['event_reminder_day', 'event_reminder_hour']);
		expect(reminders[0].subject).toMatch(/^Demain/);
		expect(reminders.every((m) => !m.textBody.includes('private-room'))).toBe(true);
		expect(reminders[0].textBody).toContain('/events/registrations/');
	});

	it('after the session, people who came are asked for feedback when there is a survey', async () => {
		const formatId = (await makeTerm(database.db, { kind: 'format', code: 'open_webinar' })).id;
		const officer = await actorFor(database.db, 'programme_officer');
		const q = new LocalJobQueue(database.db);
		registerEventJobs(q, database.db);
		const e = await makeEvent(database.db, { formatId, inHours: 30 });
		await registerForEvent(database.db, ANONYMOUS, e.id, { name: 'Bo', email: 'bo.feedback@example.org', consent: true }, { locale: 'es' });
		await saveSurvey(database.db, officer, e.id, { anonymous: true, questions: '¿Qué usará?' });
		await scheduleReminders(q, e);
		await q.runDue(new Date(e.endsAt.getTime() + 2 * 3_600_000));
		const mails = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'bo.feedback@example.org'));
		expect(mails.filter((m) => m.kind === 'event_feedback_request')).toHaveLength(1);
	});

	it('a job scheduled for an old start time sends nothing after the event moved', async () => {
		const formatId = (await makeTerm(database.db, { kind: 'format', code: 'open_webinar' })).id;
		const q = new LocalJobQueue(database.db);
		registerEventJobs(q, database.db);
		const e = await makeEvent(database.db, { formatId, inHours: 50 });
		await registerForEvent(database.db, ANONYMOUS, e.id, { name: 'Cy', email: 'cy.moved@example.org', consent: true }, { locale: 'en' });
		await q.schedule('event.reminder', { eventId: e.id, when: 'day', startsAt: '2020-01-01T00:00:00.000Z' }, new Date(), { key: 'stale' });
		await q.runDue(new Date(Date.now() + 1000));
		const mails = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'cy.moved@example.org'));
		expect(mails.filter((m) => m.kind.startsWith('event_reminder'))).toHaveLength(0);
	});
});

describe('reminders planned again when the hub starts', () => {
	it('reminders missing from the queue (after a restore) are planned from the events, once', async () => {
		const e = await makeEvent(database.db, { inHours: 72 });
		const q = new LocalJobQueue(database.db);
		const pending = async () =>
			(await database.db.select().from(scheduledJobs).where(and(like(scheduledJobs.key, `event:${e.id}:%`), eq(scheduledJobs.status, 'pending')))).map((j) => j.key).sort();
		expect(await pending()).toEqual([]);
		expect(await planMissingReminders(q, database.db)).toBeGreaterThanOrEqual(3);
		expect(await pending()).toEqual([`event:${e.id}:day`, `event:${e.id}:feedback`, `event:${e.id}:hour`]);
		// Starting again plans nothing twice.
		expect(await planMissingReminders(q, database.db)).toBe(0);
		expect(await pending()).toHaveLength(3);
	});
});

describe.skipIf(!process.env.DATABASE_URL)('the pg-boss job queue (PostgreSQL)', () => {
	it('plans the reminders a restored database lacks (pg-boss jobs are not in a backup), once', async () => {
		const dbName = (database as unknown as { db: { $client: { options: { connectionString: string } } } }).db.$client.options.connectionString;
		const e = await makeEvent(database.db, { inHours: 96 });
		const q = new PgBossJobQueue(dbName, { pollSeconds: 60, log: () => {} });
		q.register(REMINDER_JOB, async () => {});
		await q.start();
		try {
			expect(await planMissingReminders(q, database.db)).toBeGreaterThanOrEqual(2);
			expect(await planMissingReminders(q, database.db)).toBe(0);
			// The day-before reminder is waiting under its key: scheduling it again is refused.
			expect(await q.schedule(REMINDER_JOB, {}, new Date(Date.now() + 3_600_000), { key: `event:${e.id}:day` })).toBe(false);
		} finally {
			await q.stop();
		}
	}, 30_000);

	it('runs a scheduled job, refuses a duplicate key, and cancels by key', async () => {
		const url = new URL(process.env.DATABASE_URL!);
		// The test database made for this file (its name is in the pool's connection string).
		const dbName = (database as unknown as { db: { $client: { options: { connectionString: string } } } }).db.$client.options.connectionString;
		const q = new PgBossJobQueue(dbName ?? url.toString(), { pollSeconds: 0.5, log: () => {} });
		const seen: unknown[] = [];
		q.register('test-echo', async (p) => void seen.push(p));
		await q.start();
		try {
			expect(await q.schedule('test-echo', { n: 2 }, new Date(Date.now() + 3_600_000), { key: 'later' })).toBe(true);
			expect(await q.schedule('test-echo', { n: 2 }, new Date(Date.now() + 3_600_000), { key: 'later' })).toBe(false);
			expect(await q.cancel('later')).toBe(true);
			expect(await q.schedule('test-echo', { n: 3 }, new Date(), { key: 'now' })).toBe(true);
			const deadline = Date.now() + 15_000;
			while (!seen.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
			expect(seen).toEqual([{ n: 3 }]);
		} finally {
			await q.stop();
		}
	}, 30_000);
});
