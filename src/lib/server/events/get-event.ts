import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { isStaff, type Actor } from '../identity/actor.ts';
import { findVisibleEvent } from './find-event.ts';
import { findOwnRegistration } from './find-registration.ts';
import { listTerms, pick } from './list-terms.ts';
import { canManageEvents } from './policies.ts';
import { registrationWindow, seatsLeft } from './registration-rules.ts';
import { eventSeries, eventSummaries, eventSurveys, eventTopics } from './schema.ts';

/** The newest summary in the reader's language, or else in English, or else any. */
export async function latestSummary(db: Db, eventId: string, locale: string) {
	const all = await db.select().from(eventSummaries).where(eq(eventSummaries.eventId, eventId)).orderBy(desc(eventSummaries.version));
	return all.find((s) => s.locale === locale) ?? all.find((s) => s.locale === 'en') ?? all[0] ?? null;
}

/**
 * One event as its reader may see it. The meeting link is included only for the reader's own
 * confirmed place (and for staff); the public page never has it.
 */
export async function getEvent(db: Db, actor: Actor, id: string, opts: { locale: string; now?: Date }) {
	const event = await findVisibleEvent(db, actor, id);
	const terms = await listTerms(db);
	const name = (tid: string | null) => (tid ? pick(terms.all.find((t) => t.id === tid)?.name, opts.locale) : '');
	const topics = await db.select().from(eventTopics).where(eq(eventTopics.eventId, id));
	const [series] = event.seriesId ? await db.select().from(eventSeries).where(eq(eventSeries.id, event.seriesId)) : [];
	const mine = await findOwnRegistration(db, actor, id);
	const [survey] = await db.select().from(eventSurveys).where(and(eq(eventSurveys.eventId, id))).limit(1);
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { meetingUrl, confirmedCount, createdBy, ...pub } = event;
	const window = registrationWindow(event, opts.now ?? new Date());
	return {
		event: { ...pub, format: name(event.formatId), level: name(event.levelId), topics: topics.map((t) => name(t.topicId)), series: series ? { id: series.id, title: series.title } : null },
		seatsLeft: seatsLeft(event),
		registration: window.open ? { open: true as const } : { open: false as const, reason: window.reason },
		mine: mine ? { id: mine.id, status: mine.status, attended: mine.attended, feedbackGiven: !!mine.feedbackGivenAt } : null,
		meetingUrl: (mine?.status === 'confirmed' && event.status === 'published') || isStaff(actor) ? meetingUrl : null,
		summary: await latestSummary(db, id, opts.locale),
		survey: survey ? { questions: survey.questions.map((q) => ({ id: q.id, text: pick(q.text, opts.locale) })), anonymous: survey.anonymous } : null,
		can: { manage: canManageEvents(actor).allowed }
	};
}
export type EventView = Awaited<ReturnType<typeof getEvent>>;
