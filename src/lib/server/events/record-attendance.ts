import { and, eq, inArray } from 'drizzle-orm';
import { recordActivities } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { findVisibleEvent } from './find-event.ts';
import { canManageEvents } from './policies.ts';
import { eventRegistrations } from './schema.ts';

/** Staff mark who attended: the confirmed people whose ids are given attended, the other confirmed did not. */
export async function recordAttendance(db: Db, actor: Actor, eventId: string, attendedIds: string[]) {
	ensure(canManageEvents(actor));
	return db.transaction(async (tx) => {
		const event = await findVisibleEvent(tx, actor, eventId);
		const confirmed = await tx
			.select()
			.from(eventRegistrations)
			.where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, 'confirmed')));
		const present = new Set(attendedIds);
		const changes = confirmed.filter((r) => r.attended !== present.has(r.id));
		// Two statements whatever the size of the session: one marks who came, one who did not.
		for (const value of [true, false]) {
			const ids = changes.filter((r) => present.has(r.id) === value).map((r) => r.id);
			if (ids.length) await tx.update(eventRegistrations).set({ attended: value }).where(inArray(eventRegistrations.id, ids));
		}
		await recordActivities(
			tx,
			actor,
			changes.map((r) => ({
				subjectType: 'event_registration',
				subjectId: r.id,
				organisationId: r.organisationId,
				action: 'attendance_recorded',
				changes: { attended: { from: r.attended, to: present.has(r.id) } }
			}))
		);
		const changed = changes.length;
		const attended = confirmed.filter((r) => present.has(r.id)).map((r) => r.id);
		return { changed, attended: attended.length, ids: attended };
	});
}

/** Helper for tests and the API: the ids of registrations marked attended. */
export async function attendedIds(db: Db, eventId: string) {
	const rows = await db
		.select({ id: eventRegistrations.id })
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.attended, true), inArray(eventRegistrations.status, ['confirmed'])));
	return rows.map((r) => r.id);
}
