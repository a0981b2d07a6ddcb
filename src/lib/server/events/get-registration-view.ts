import type { Db } from '../db/types.ts';
import { findRegistrationByToken } from './find-registration.ts';
import { latestSummary } from './get-event.ts';
import { eventSurveys } from './schema.ts';
import { pick } from './list-terms.ts';
import { eq } from 'drizzle-orm';

/**
 * What a personal link shows: that one registration, its event, the join link once confirmed,
 * and the survey when the person may answer it. Nothing about anyone else.
 */
export async function getRegistrationView(db: Db, token: string, locale: string, now = new Date()) {
	const { registration: r, event: e } = await findRegistrationByToken(db, token);
	const [survey] = await db.select().from(eventSurveys).where(eq(eventSurveys.eventId, e.id)).limit(1);
	const ended = e.endsAt.getTime() <= now.getTime();
	const canAnswer = !!survey && ended && r.status === 'confirmed' && r.attended !== false && !r.feedbackGivenAt;
	return {
		registration: { id: r.id, name: r.name, email: r.email, status: r.status, active: ['pending', 'confirmed', 'waitlisted'].includes(r.status), feedbackGiven: !!r.feedbackGivenAt },
		event: { id: e.id, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, timeZone: e.timeZone, status: e.status, organisationId: e.organisationId },
		meetingUrl: r.status === 'confirmed' && e.status === 'published' && !ended ? e.meetingUrl || null : null,
		summary: ended ? await latestSummary(db, e.id, locale) : null,
		survey: canAnswer && survey ? { anonymous: survey.anonymous, questions: survey.questions.map((q) => ({ id: q.id, text: pick(q.text, locale) })) } : null
	};
}
