import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { findVisibleStrategy } from './find-strategy.ts';
import { strategyActivities } from './schema.ts';
import { buildTimeline } from './timeline.ts';

/** Every activity of the plan over the months it spans: the one page that shows the whole plan at once. */
export async function getStrategyTimeline(db: Db, actor: Actor, strategyId: string) {
	const found = await findVisibleStrategy(db, actor, strategyId);
	const a = strategyActivities;
	const activities = await db
		.select({ id: a.id, title: a.title, startDate: a.startDate, dueDate: a.dueDate, milestone: a.milestone, status: a.status })
		.from(a)
		.where(eq(a.strategyId, strategyId))
		.orderBy(sql`${a.startDate} ASC NULLS LAST`, sql`${a.dueDate} ASC NULLS LAST`, asc(a.title), asc(a.id));
	return { strategy: found.strategy, org: found.org, timeline: buildTimeline(activities) };
}
