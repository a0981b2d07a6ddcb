import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { organisations } from '../directory/schema.ts';
import { findVisibleEvent } from './find-event.ts';
import { canSeeAttendees } from './policies.ts';
import { eventRegistrations } from './schema.ts';

/** The attendee list: staff only. */
export async function listRegistrations(db: Db, actor: Actor, eventId: string) {
	ensure(canSeeAttendees(actor));
	const event = await findVisibleEvent(db, actor, eventId);
	const rows = await db
		.select({ r: eventRegistrations, org: { name: organisations.name, sensitive: organisations.sensitive, reference: organisations.reference } })
		.from(eventRegistrations)
		.leftJoin(organisations, eq(organisations.id, eventRegistrations.organisationId))
		.where(eq(eventRegistrations.eventId, event.id))
		.orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id));
	return rows.map(({ r, org }) => ({
		id: r.id,
		name: r.name,
		email: r.email,
		status: r.status,
		attended: r.attended,
		organisation: org?.name ?? r.organisationName,
		sensitive: org?.sensitive ?? false,
		country: r.country,
		createdAt: r.createdAt,
		feedbackGiven: !!r.feedbackGivenAt
	}));
}
