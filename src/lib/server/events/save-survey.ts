import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { surveyInput } from '../../validation/events.ts';
import { lockEvent } from './find-event.ts';
import { canManageEvents } from './policies.ts';
import { eventSurveys } from './schema.ts';

/** Sets the event's feedback survey: a 1–5 rating always, plus open questions (one per line). */
export async function saveSurvey(db: Db, actor: Actor, eventId: string, raw: unknown) {
	ensure(canManageEvents(actor));
	const input = parseInput(surveyInput, raw);
	const questions = input.questions
		.split('\n')
		.map((q) => q.trim())
		.filter(Boolean)
		.slice(0, 10)
		.map((text, i) => ({ id: `q${i + 1}`, text: { en: text } }));
	return db.transaction(async (tx) => {
		const event = await lockEvent(tx, eventId);
		const [survey] = await tx
			.insert(eventSurveys)
			.values({ eventId: event.id, questions, anonymous: input.anonymous })
			.onConflictDoUpdate({ target: eventSurveys.eventId, set: { questions, anonymous: input.anonymous, updatedAt: new Date() } })
			.returning();
		await recordActivity(tx, actor, { subjectType: 'event', subjectId: event.id, organisationId: event.organisationId, action: 'survey_saved' });
		return survey;
	});
}
