import { eq, and } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { events, eventTerms, eventTopics, type Translated } from '../events/schema.ts';

// Factories for events, shared by the tests, the demo seed and the bench.

export type TermTraits = { kind: 'format' | 'level' | 'topic'; code: string; name?: Translated; defaultCapacity?: number | null; approvalByDefault?: boolean; byRequest?: boolean; position?: number };

/** A format, level or topic; an existing one with the same kind and code is reused. */
export async function makeTerm(db: DbOrTx, t: TermTraits) {
	const [existing] = await db.select().from(eventTerms).where(and(eq(eventTerms.kind, t.kind), eq(eventTerms.code, t.code)));
	if (existing) return existing;
	const [term] = await db
		.insert(eventTerms)
		.values({ kind: t.kind, code: t.code, name: t.name ?? { en: t.code.replace(/_/g, ' ') }, defaultCapacity: t.defaultCapacity ?? null, approvalByDefault: t.approvalByDefault ?? false, byRequest: t.byRequest ?? false, position: t.position ?? 0 })
		.returning();
	return term;
}

export type EventTraits = Partial<typeof events.$inferInsert> & {
	/** Hours from now to the start (negative for past events); ignored when startsAt is given. */
	inHours?: number;
	hours?: number;
	topicIds?: string[];
};

/** A published event starting in two days by default, an hour long, 20 places, waitlist on. */
export async function makeEvent(db: DbOrTx, t: EventTraits = {}) {
	const formatId = t.formatId ?? (await makeTerm(db, { kind: 'format', code: 'open_webinar' })).id;
	const startsAt = t.startsAt ?? new Date(Date.now() + (t.inHours ?? 48) * 3_600_000);
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { topicIds, inHours, hours, ...rest } = t;
	const [event] = await db
		.insert(events)
		.values({
			title: 'Session',
			languages: ['en'],
			timeZone: 'UTC',
			capacity: 20,
			status: 'published',
			...rest,
			formatId,
			startsAt,
			endsAt: t.endsAt ?? new Date(startsAt.getTime() + (hours ?? 1) * 3_600_000)
		})
		.returning();
	if (topicIds?.length) await db.insert(eventTopics).values(topicIds.map((topicId) => ({ eventId: event.id, topicId })));
	return event;
}
