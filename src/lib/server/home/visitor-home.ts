import { and, asc, eq, gte, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { listTerms, pick } from '../events/list-terms.ts';
import { events, eventTerms } from '../events/schema.ts';
import { listOpenCalls } from '../grants/list-open-calls.ts';

const NEXT_SESSIONS = 4;

/**
 * The front door for someone not signed in: the support on offer, read from the hub's own data
 * where it has it (training formats and levels, the next open sessions, the open calls and what
 * the rapid-response programme promises) in the reader's language.
 */
export async function getVisitorHome(db: DbOrTx, locale: string, now = new Date()) {
	const [terms, sessions, calls] = await Promise.all([
		listTerms(db),
		db
			.select({ id: events.id, title: events.title, startsAt: events.startsAt, timeZone: events.timeZone, formatName: eventTerms.name })
			.from(events)
			.innerJoin(eventTerms, eq(eventTerms.id, events.formatId))
			// The catalogue's own rule: published sessions open to all, never a clinic for one partner.
			.where(and(eq(events.status, 'published'), isNull(events.organisationId), gte(events.startsAt, now)))
			.orderBy(asc(events.startsAt), asc(events.id))
			.limit(NEXT_SESSIONS),
		listOpenCalls(db, now)
	]);
	const term = (t: (typeof terms.all)[number]) => ({ code: t.code, name: pick(t.name, locale), description: pick(t.description, locale) });
	return {
		kind: 'visitor' as const,
		formats: terms.formats.map(term),
		levels: terms.levels.map(term),
		sessions: sessions.map(({ formatName, ...s }) => ({ ...s, format: pick(formatName, locale) })),
		calls: calls.map((c) => ({
			slug: c.call.slug,
			title: pick(c.call.title, locale),
			summary: pick(c.call.summary, locale),
			closesAt: c.call.rolling ? null : c.call.closesAt,
			maxAward: c.call.maxAward,
			currency: c.call.currency,
			decisionDays: c.call.decisionTargetDays
		}))
	};
}
