import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { queueMails } from '../mail/mailer.ts';
import { feedbackRequestMail, reminderMail } from './mail.ts';
import { eventRegistrations, events, eventSurveys } from './schema.ts';
import { manageUrl } from './tokens.ts';

// Reminders a day and an hour before, and a feedback request after. Jobs are keyed by event, so
// saving an event again replaces them; a job checks that the event still starts when it was
// scheduled for, so a stale one sends nothing.

export const REMINDER_JOB = 'event.reminder';
export const FEEDBACK_JOB = 'event.feedback-request';
const HOUR = 3_600_000;

type EventTimes = Pick<typeof events.$inferSelect, 'id' | 'startsAt' | 'endsAt' | 'status'>;
export const reminderKeys = (id: string) => [`event:${id}:day`, `event:${id}:hour`, `event:${id}:feedback`];

export function reminderPlan(e: EventTimes, now = new Date()) {
	if (e.status !== 'published') return [];
	const plan = [
		{ key: `event:${e.id}:day`, name: REMINDER_JOB, when: 'day' as const, runAt: new Date(e.startsAt.getTime() - 24 * HOUR) },
		{ key: `event:${e.id}:hour`, name: REMINDER_JOB, when: 'hour' as const, runAt: new Date(e.startsAt.getTime() - HOUR) },
		{ key: `event:${e.id}:feedback`, name: FEEDBACK_JOB, when: 'after' as const, runAt: new Date(e.endsAt.getTime() + HOUR) }
	];
	return plan.filter((p) => p.runAt.getTime() > now.getTime());
}

export async function scheduleReminders(queue: JobQueue | undefined, e: EventTimes, now = new Date()) {
	if (!queue) return;
	for (const key of reminderKeys(e.id)) await queue.cancel(key);
	for (const p of reminderPlan(e, now))
		await queue.schedule(p.name, { eventId: e.id, when: p.when, startsAt: e.startsAt.toISOString() }, p.runAt, { key: p.key });
}

/**
 * Schedules every reminder the events call for that is not waiting yet, without touching those
 * that are (a job with the same key is kept). Run when the hub starts: after a restore the
 * queue's own jobs may be missing (pg-boss keeps them in its own schema, which a backup does not
 * carry, and a restore across engines changes the queue), but the events say what is owed.
 */
export async function planMissingReminders(queue: JobQueue, db: Db, now = new Date()): Promise<number> {
	const upcoming = await db
		.select({ id: events.id, startsAt: events.startsAt, endsAt: events.endsAt, status: events.status })
		.from(events)
		.where(and(eq(events.status, 'published'), gt(events.endsAt, new Date(now.getTime() - HOUR))));
	let planned = 0;
	for (const e of upcoming)
		for (const p of reminderPlan(e, now))
			if (await queue.schedule(p.name, { eventId: e.id, when: p.when, startsAt: e.startsAt.toISOString() }, p.runAt, { key: p.key })) planned += 1;
	return planned;
}

async function currentEvent(db: Db, payload: Record<string, unknown>) {
	const [e] = await db.select().from(events).where(eq(events.id, String(payload.eventId))).limit(1);
	if (!e || e.status !== 'published' || e.startsAt.toISOString() !== payload.startsAt) return null;
	return e;
}

export async function sendReminders(db: Db, payload: Record<string, unknown>) {
	const e = await currentEvent(db, payload);
	if (!e) return 0;
	const people = await db
		.select()
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.eventId, e.id), eq(eventRegistrations.status, 'confirmed')));
	// One statement for everyone: a job retried after a crash has queued all of them or none.
	await queueMails(
		db,
		people.map((r) => ({ kind: `event_reminder_${payload.when}`, to: r.email, locale: r.locale, ...reminderMail(r.locale, r.name, e, payload.when === 'hour' ? 'hour' : 'day', manageUrl(r.id)) }))
	);
	return people.length;
}

/** Asks the people who came (or were not marked absent) for feedback, when the event has a survey. */
export async function sendFeedbackRequests(db: Db, payload: Record<string, unknown>) {
	const e = await currentEvent(db, payload);
	if (!e) return 0;
	const [survey] = await db.select().from(eventSurveys).where(eq(eventSurveys.eventId, e.id)).limit(1);
	if (!survey) return 0;
	const people = await db
		.select()
		.from(eventRegistrations)
		.where(
			and(
				eq(eventRegistrations.eventId, e.id),
				eq(eventRegistrations.status, 'confirmed'),
				or(isNull(eventRegistrations.attended), eq(eventRegistrations.attended, true)),
				isNull(eventRegistrations.feedbackGivenAt)
			)
		);
	await queueMails(
		db,
		people.map((r) => ({ kind: 'event_feedback_request', to: r.email, locale: r.locale, ...feedbackRequestMail(r.locale, r.name, e, manageUrl(r.id) + '#feedback') }))
	);
	return people.length;
}

export function registerEventJobs(queue: JobQueue, db: Db) {
	queue.register(REMINDER_JOB, async (p) => void (await sendReminders(db, p)));
	queue.register(FEEDBACK_JOB, async (p) => void (await sendFeedbackRequests(db, p)));
}
