import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { seriesInput } from '../../validation/events.ts';
import { canManageEvents } from './policies.ts';
import { eventSeries } from './schema.ts';

/** A series groups sessions (e.g. a four-part learning circle); events join it by choosing it. */
export async function createSeries(db: Db, actor: Actor, raw: unknown) {
	ensure(canManageEvents(actor));
	const input = parseInput(seriesInput, raw);
	return db.transaction(async (tx) => {
		const [series] = await tx.insert(eventSeries).values(input).returning();
		await recordActivity(tx, actor, { subjectType: 'event_series', subjectId: series.id, action: 'created' });
		return series;
	});
}
