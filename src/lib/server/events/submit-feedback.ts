import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { feedbackInput } from '../../validation/events.ts';
import { findOwnRegistration, findRegistrationByToken } from './find-registration.ts';
import { eventFeedback, eventRegistrations, eventSurveys } from './schema.ts';

/**
 * An attendee answers the survey once, after the session. On an anonymous survey the answer is
 * not linked to the registration; the registration only records that it has answered.
 */
export async function submitFeedback(db: Db, actor: Actor, ref: { token: string } | { eventId: string }, raw: unknown, now = new Date()) {
	const input = parseInput(feedbackInput, raw);
	const registration =
		'token' in ref ? (await findRegistrationByToken(db, ref.token)).registration : await findOwnRegistration(db, actor, ref.eventId);
	if (!registration) throw new DomainError('NOT_FOUND', m.e_not_found());
	return db.transaction(async (tx) => {
		const [r] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, registration.id)).for('update');
		const [survey] = await tx.select().from(eventSurveys).where(eq(eventSurveys.eventId, r.eventId)).limit(1);
		if (!survey) throw new DomainError('NOT_FOUND', m.e_not_found());
		if (r.status !== 'confirmed' || r.attended === false) throw new DomainError('FORBIDDEN', m.event_feedback_attendees_only());
		const [{ endsAt }] = await tx.query.events.findMany({ where: (e, { eq }) => eq(e.id, r.eventId), columns: { endsAt: true } });
		if (endsAt.getTime() > now.getTime()) throw new DomainError('CONFLICT', m.event_feedback_not_yet());
		if (r.feedbackGivenAt) throw new DomainError('CONFLICT', m.event_feedback_already());
		const known = new Set(survey.questions.map((q) => q.id));
		const answers = Object.fromEntries(Object.entries(input.answers).filter(([k, v]) => known.has(k) && v));
		const [feedback] = await tx
			.insert(eventFeedback)
			.values({ eventId: r.eventId, registrationId: survey.anonymous ? null : r.id, rating: input.rating, answers })
			.returning();
		await tx.update(eventRegistrations).set({ feedbackGivenAt: now }).where(eq(eventRegistrations.id, r.id));
		// The log says that feedback arrived, not from whom, when the survey is anonymous.
		await recordActivity(tx, survey.anonymous ? { kind: 'anonymous' } : actor, {
			subjectType: 'event',
			subjectId: r.eventId,
			action: 'feedback_given'
		});
		return { id: feedback.id };
	});
}
