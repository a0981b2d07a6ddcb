import { asc, avg, count, eq, sql } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { entitledToIdentity } from '../directory/partner-label.ts';
import { organisations } from '../directory/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { findVisibleEvent } from './find-event.ts';
import { listTerms, pick } from './list-terms.ts';
import { canSeeAttendees } from './policies.ts';
import { eventFeedback, eventRegistrations, events, eventSurveys } from './schema.ts';

/** Ratings 1–5 → how many gave each, and the mean (null without answers). */
export function summariseRatings(ratings: number[]) {
	const distribution = [1, 2, 3, 4, 5].map((r) => ratings.filter((x) => x === r).length);
	const mean = ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : null;
	return { responses: ratings.length, mean, distribution };
}

/**
 * One event's answers, for staff: the rating summary and each question's answers (named only if not
 * anonymous). Someone from a sensitive partner is named only to staff entitled to its identity, as
 * in the attendee list.
 */
export async function feedbackResults(db: Db, actor: Actor, eventId: string, locale: string) {
	ensure(canSeeAttendees(actor));
	const event = await findVisibleEvent(db, actor, eventId);
	const [survey] = await db.select().from(eventSurveys).where(eq(eventSurveys.eventId, event.id));
	const rows = await db
		.select({ f: eventFeedback, name: eventRegistrations.name, org: { id: organisations.id, sensitive: organisations.sensitive } })
		.from(eventFeedback)
		.leftJoin(eventRegistrations, eq(eventRegistrations.id, eventFeedback.registrationId))
		.leftJoin(organisations, eq(organisations.id, eventRegistrations.organisationId))
		.where(eq(eventFeedback.eventId, event.id))
		.orderBy(asc(eventFeedback.createdAt));
	return {
		...summariseRatings(rows.map((r) => r.f.rating)),
		anonymous: survey?.anonymous ?? true,
		questions: (survey?.questions ?? []).map((q) => ({
			id: q.id,
			text: pick(q.text, locale),
			answers: rows.filter((r) => r.f.answers[q.id]).map((r) => ({ text: r.f.answers[q.id], by: r.org && !entitledToIdentity(actor, r.org) ? m.partner_attendee_hidden() : (r.name ?? null) }))
		}))
	};
}

/** Ratings across all events of each format, for staff. */
export async function feedbackByFormat(db: Db, actor: Actor, locale: string) {
	ensure(canSeeAttendees(actor));
	const terms = await listTerms(db);
	const rows = await db
		.select({ formatId: events.formatId, responses: count(eventFeedback.id), mean: avg(eventFeedback.rating), sessions: sql<number>`count(DISTINCT ${events.id})`.mapWith(Number) })
		.from(eventFeedback)
		.innerJoin(events, eq(events.id, eventFeedback.eventId))
		.groupBy(events.formatId);
	return terms.formats.map((f) => {
		const r = rows.find((x) => x.formatId === f.id);
		return { format: pick(f.name, locale), responses: r?.responses ?? 0, sessions: r?.sessions ?? 0, mean: r?.mean ? Math.round(Number(r.mean) * 10) / 10 : null };
	});
}
