import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { events, eventRegistrations } from './schema.ts';

/** For the partner page (already limited to those who may see the partner): sessions its people attended. */
export async function trainingsAttended(db: Db, organisationId: string) {
	const rows = await db
		.select({ id: events.id, title: events.title, startsAt: events.startsAt })
		.from(eventRegistrations)
		.innerJoin(events, eq(events.id, eventRegistrations.eventId))
		.where(and(eq(eventRegistrations.organisationId, organisationId), eq(eventRegistrations.attended, true)))
		.orderBy(desc(events.startsAt));
	const sessions = new Map(rows.map((r) => [r.id, r]));
	return { attended: rows.length, sessions: [...sessions.values()].slice(0, 10) };
}
