import { and, asc, gte, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { catalogueCalendar } from './calendar.ts';
import { events } from './schema.ts';

/** The catalogue as an iCalendar feed: public sessions from 30 days ago on; no links to meetings, no people. */
export async function publicFeed(db: Db, opts: { baseURL: string; name: string; now?: Date }) {
	const since = new Date((opts.now ?? new Date()).getTime() - 30 * 86_400_000);
	const rows = await db
		.select()
		.from(events)
		.where(and(inArray(events.status, ['published', 'cancelled']), isNull(events.organisationId), gte(events.endsAt, since)))
		.orderBy(asc(events.startsAt))
		.limit(2000);
	return catalogueCalendar(rows, opts);
}
