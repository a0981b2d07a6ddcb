import { and, eq, inArray, sql } from 'drizzle-orm';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { jobs } from '../jobs/queue.ts';
import { m } from '#lib/paraglide/messages.js';
import { parseInput } from '../validate.ts';
import { eventInput } from '../../validation/events.ts';
import { announce } from '../notifications/announce.ts';
import { registrantNotice } from './event-change.ts';
import { eventValues } from './event-values.ts';
import { lockEvent } from './find-event.ts';
import { deliver, noticeMail } from './notify.ts';
import { canManageEvents } from './policies.ts';
import { promoteWaitlist } from './promote-waitlist.ts';
import { scheduleReminders } from './reminders.ts';
import { eventRegistrations, events, eventTopics } from './schema.ts';
import type { OutgoingMail } from '../mail/mailer.ts';

/**
 * Saves an event. Raising the capacity promotes from the waitlist; lowering it below the seats
 * already confirmed is refused (nobody loses a confirmed place). Cancelling tells everyone registered.
 */
export async function updateEvent(db: Db, actor: Actor, id: string, raw: unknown) {
	ensure(canManageEvents(actor));
	const input = parseInput(eventInput, raw);
	const mails: OutgoingMail[] = [];
	const event = await db.transaction(async (tx) => {
		const before = await lockEvent(tx, id);
		const values = await eventValues(tx, input);
		if (values.capacity !== null && values.capacity < before.confirmedCount)
			throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { capacity: [m.event_v_capacity_below_confirmed({ count: String(before.confirmedCount) })] });
		// Every save raises the calendar SEQUENCE, so a file sent later replaces the one people hold.
		const [event] = await tx
			.update(events)
			.set({ ...values, sequence: sql`${events.sequence} + 1` })
			.where(eq(events.id, id))
			.returning();
		await tx.delete(eventTopics).where(eq(eventTopics.eventId, id));
		if (input.topicIds.length) await tx.insert(eventTopics).values(input.topicIds.map((topicId) => ({ eventId: id, topicId })));
		// eslint-disable-next-line @typescript-eslint/no-unused-vars
		const { createdAt, updatedAt, confirmedCount, sequence, ...comparable } = before;
		await recordActivity(tx, actor, { subjectType: 'event', subjectId: id, organisationId: event.organisationId, action: 'updated', changes: diff(comparable, values) });
		const notice = registrantNotice(before, event);
		if (notice) {
			const registered = await tx
				.select()
				.from(eventRegistrations)
				.where(and(eq(eventRegistrations.eventId, id), inArray(eventRegistrations.status, ['pending', 'confirmed', 'waitlisted'])));
			for (const r of registered) mails.push(noticeMail(notice, event, r));
			await announce(tx, { type: 'event_changed', eventId: id, userIds: registered.map((r) => r.userId).filter((u): u is string => !!u) }, actor.kind === 'user' ? actor.userId : null);
		}
		if (event.status === 'cancelled') {
			await deliver(tx, mails);
			return event;
		}
		const promoted = await promoteWaitlist(tx, actor, event);
		mails.push(...promoted.mails);
		await deliver(tx, mails);
		return promoted.event;
	});
	await scheduleReminders(jobs(), event);
	return event;
}
