import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { jobs } from '../jobs/queue.ts';
import { parseInput } from '../validate.ts';
import { eventInput } from '../../validation/events.ts';
import { eventValues } from './event-values.ts';
import { canManageEvents } from './policies.ts';
import { scheduleReminders } from './reminders.ts';
import { clinicRequests, events, eventTopics } from './schema.ts';

/** Staff turn a clinic request into an event held for that organisation only. */
export async function scheduleClinic(db: Db, actor: Actor, requestId: string, raw: unknown) {
	ensure(canManageEvents(actor));
	const [request] = await db.select().from(clinicRequests).where(eq(clinicRequests.id, requestId)).limit(1);
	if (!request) throw new DomainError('NOT_FOUND', m.e_not_found());
	if (request.status !== 'requested') throw new DomainError('INVALID_TRANSITION', m.event_invalid_move());
	const input = parseInput(eventInput, { ...(raw as object), organisationId: request.organisationId });
	const event = await db.transaction(async (tx) => {
		const values = await eventValues(tx, input);
		const [event] = await tx.insert(events).values({ ...values, createdBy: actor.kind === 'user' ? actor.userId : null }).returning();
		if (input.topicIds.length) await tx.insert(eventTopics).values(input.topicIds.map((topicId) => ({ eventId: event.id, topicId })));
		await tx.update(clinicRequests).set({ status: 'scheduled', eventId: event.id }).where(eq(clinicRequests.id, request.id));
		await recordActivity(tx, actor, { subjectType: 'clinic_request', subjectId: request.id, organisationId: request.organisationId, action: 'status_changed', changes: { status: { from: 'requested', to: 'scheduled' } } });
		await recordActivity(tx, actor, { subjectType: 'event', subjectId: event.id, organisationId: request.organisationId, action: 'created' });
		return event;
	});
	await scheduleReminders(jobs(), event);
	return event;
}
