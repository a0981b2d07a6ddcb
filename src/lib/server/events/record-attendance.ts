import { and, eq, inArray } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
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
		let changed = 0;
		for (const r of confirmed) {
			const attended = present.has(r.id);
			if (r.attended === attended) continue;
			await tx.update(eventRegistrations).set({ attended }).where(eq(eventRegistrations.id, r.id));
			await recordActivity(tx, actor, {
				subjectType: 'event_registration',
				subjectId: r.id,
				organisationId: r.organisationId,
				action: 'attendance_recorded',
				changes: { attended: { from: r.attended, to: attended } }
			});
			changed++;
		}
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
