import { and, asc, eq } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
import type { Tx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import type { OutgoingMail } from '../mail/mailer.ts';
import { announce } from '../notifications/announce.ts';
import { seatDelta } from './find-event.ts';
import { noticeMail } from './notify.ts';
import { promotions } from './registration-rules.ts';
import { eventRegistrations, events } from './schema.ts';

type Event = typeof events.$inferSelect;

/**
 * Fills free seats from the waitlist, first come first served, inside the caller's transaction
 * (which holds the event's lock). Returns the notices to send once it commits.
 */
export async function promoteWaitlist(tx: Tx, actor: Actor, event: Event): Promise<{ event: Event; mails: OutgoingMail[] }> {
	if (event.status !== 'published' || event.startsAt.getTime() <= Date.now()) return { event, mails: [] };
	const waiting = await tx
		.select()
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, 'waitlisted')))
		.orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id));
	const n = promotions(event, waiting.length);
	const mails: OutgoingMail[] = [];
	let current = event;
	for (const r of waiting.slice(0, n)) {
		const [updated] = await tx.update(eventRegistrations).set({ status: 'confirmed' }).where(eq(eventRegistrations.id, r.id)).returning();
		[current] = await tx.update(events).set({ confirmedCount: seatDelta(1) }).where(eq(events.id, event.id)).returning();
		await recordActivity(tx, actor, {
			subjectType: 'event_registration',
			subjectId: r.id,
			organisationId: r.organisationId,
			action: 'promoted',
			changes: { status: { from: 'waitlisted', to: 'confirmed' } }
		});
		mails.push(noticeMail('promoted', current, updated));
		await announce(tx, { type: 'waitlist_offered', eventId: event.id, userId: updated.userId });
	}
	return { event: current, mails };
}
