import { asc, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { isErasedAddress, personName } from '../../people.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { entitledToIdentity, partnerLabel } from '../directory/partner-label.ts';
import { organisations } from '../directory/schema.ts';
import { findVisibleEvent } from './find-event.ts';
import { canSeeAttendees } from './policies.ts';
import { eventRegistrations } from './schema.ts';

/**
 * The attendee list: staff only. Someone from a sensitive partner is part of its identity: staff
 * not entitled to it (not on its need-to-know list) see the partner's reference in place of the
 * organisation, and neither the person's name nor address.
 */
export async function listRegistrations(db: Db, actor: Actor, eventId: string) {
	ensure(canSeeAttendees(actor));
	const event = await findVisibleEvent(db, actor, eventId);
	const rows = await db
		.select({ r: eventRegistrations, org: { id: organisations.id, name: organisations.name, sensitive: organisations.sensitive, reference: organisations.reference } })
		.from(eventRegistrations)
		.leftJoin(organisations, eq(organisations.id, eventRegistrations.organisationId))
		.where(eq(eventRegistrations.eventId, event.id))
		.orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id));
	return rows.map(({ r, org }) => {
		const hidden = !!org && !entitledToIdentity(actor, org);
		// Erased or anonymised: someone came, and nothing says who.
		const erased = isErasedAddress(r.email);
		return {
			id: r.id,
			name: hidden ? m.partner_attendee_hidden() : personName(r.name),
			email: hidden || erased ? '' : r.email,
			erased,
			status: r.status,
			attended: r.attended,
			organisation: org ? partnerLabel(actor, org) : r.organisationName,
			sensitive: org?.sensitive ?? false,
			country: hidden ? null : r.country,
			createdAt: r.createdAt,
			feedbackGiven: !!r.feedbackGivenAt
		};
	});
}
