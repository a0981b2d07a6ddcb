import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import type { OutgoingMail } from '../mail/mailer.ts';
import { lockEvent, seatDelta } from './find-event.ts';
import { deliver, noticeMail } from './notify.ts';
import { canManageEvents } from './policies.ts';
import { refusal } from './refusals.ts';
import { canMove, decideApproval } from './registration-rules.ts';
import { eventRegistrations, events } from './schema.ts';

/** Staff approve or decline a request to join an approval-only event. Approval takes a seat if one is free. */
export async function decideRequest(db: Db, actor: Actor, registrationId: string, decision: 'approve' | 'decline') {
	ensure(canManageEvents(actor));
	const mails: OutgoingMail[] = [];
	const result = await db.transaction(async (tx) => {
		const [found] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, registrationId)).limit(1);
		if (!found) throw new DomainError('NOT_FOUND', m.e_not_found());
		const event = await lockEvent(tx, found.eventId);
		const [r] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, registrationId)).for('update');
		if (!canMove(r.status, 'declined', 'staff')) throw new DomainError('INVALID_TRANSITION', m.event_invalid_move());
		let to: 'confirmed' | 'waitlisted' | 'declined' = 'declined';
		if (decision === 'approve') {
			const d = decideApproval(event);
			if (!d.ok) throw refusal(d.reason);
			to = d.status as 'confirmed' | 'waitlisted';
		}
		if (!canMove(r.status, to, 'staff')) throw new DomainError('INVALID_TRANSITION', m.event_invalid_move());
		const [updated] = await tx.update(eventRegistrations).set({ status: to }).where(eq(eventRegistrations.id, r.id)).returning();
		let current = event;
		if (to === 'confirmed') [current] = await tx.update(events).set({ confirmedCount: seatDelta(1) }).where(eq(events.id, event.id)).returning();
		await recordActivity(tx, actor, {
			subjectType: 'event_registration',
			subjectId: r.id,
			organisationId: r.organisationId,
			action: 'status_changed',
			changes: { status: { from: r.status, to } }
		});
		mails.push(noticeMail(to === 'declined' ? 'declined' : to === 'confirmed' ? 'promoted' : 'registered', current, updated));
		await deliver(tx, mails);
		return updated;
	});
	return result;
}
