import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { jobs } from '../jobs/queue.ts';
import { parseInput } from '../validate.ts';
import { eventInput } from '../../validation/events.ts';
import { eventValues } from './event-values.ts';
import { canManageEvents } from './policies.ts';
import { scheduleReminders } from './reminders.ts';
import { events, eventTopics } from './schema.ts';

export async function createEvent(db: Db, actor: Actor, raw: unknown) {
	ensure(canManageEvents(actor));
	const input = parseInput(eventInput, raw);
	const event = await db.transaction(async (tx) => {
		const values = await eventValues(tx, input);
		const [event] = await tx
			.insert(events)
			.values({ ...values, createdBy: actor.kind === 'user' ? actor.userId : null })
			.returning();
		if (input.topicIds.length) await tx.insert(eventTopics).values(input.topicIds.map((topicId) => ({ eventId: event.id, topicId })));
		await recordActivity(tx, actor, { subjectType: 'event', subjectId: event.id, organisationId: event.organisationId, action: 'created' });
		return event;
	});
	await scheduleReminders(jobs(), event);
	return event;
}
