import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { isStaff, type Actor } from '../identity/actor.ts';
import { lockEvent, seatDelta } from './find-event.ts';
import { findRegistrationByToken } from './find-registration.ts';
import { deliver } from './notify.ts';
import { promoteWaitlist } from './promote-waitlist.ts';
import { canMove } from './registration-rules.ts';
import { eventRegistrations, events } from './schema.ts';

/**
 * Cancels a place, by the personal link's token or by the signed-in person (or staff) by id. A
 * freed seat goes at once to the next person on the waitlist, who is told by mail.
 */
export async function cancelRegistration(db: Db, actor: Actor, ref: { token: string } | { registrationId: string }) {
	const registrationId =
		'token' in ref ? (await findRegistrationByToken(db, ref.token)).registration.id : ref.registrationId;
	const { registration } = await db.transaction(async (tx) => {
		const [found] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, registrationId)).limit(1);
		if (!found) throw new DomainError('NOT_FOUND', m.e_not_found());
		// Without the token only the person themself or staff may cancel; others do not learn it exists.
		if (!('token' in ref) && !(isStaff(actor) || (actor.kind === 'user' && actor.userId === found.userId)))
			throw new DomainError('NOT_FOUND', m.e_not_found());
		const event = await lockEvent(tx, found.eventId);
		// Re-read under the lock: a concurrent promotion may have changed the status.
		const [r] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, registrationId)).for('update');
		if (!canMove(r.status, 'cancelled', 'person')) throw new DomainError('INVALID_TRANSITION', m.event_already_cancelled());
		const [registration] = await tx
			.update(eventRegistrations)
			.set({ status: 'cancelled', cancelledAt: new Date() })
			.where(eq(eventRegistrations.id, r.id))
			.returning();
		let current = event;
		if (r.status === 'confirmed')
			[current] = await tx.update(events).set({ confirmedCount: seatDelta(-1) }).where(eq(events.id, event.id)).returning();
		await recordActivity(tx, actor, {
			subjectType: 'event_registration',
			subjectId: r.id,
			organisationId: r.organisationId,
			action: 'status_changed',
			changes: { status: { from: r.status, to: 'cancelled' } }
		});
		const promoted = await promoteWaitlist(tx, actor, current);
		await deliver(tx, promoted.mails);
		return { registration };
	});
	return registration;
}
