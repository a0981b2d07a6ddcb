import { and, desc, eq } from 'drizzle-orm';
import { activityEvents } from '../activity/schema.ts';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { users } from '../identity/schema.ts';
import { findVisibleStrategy } from './find-strategy.ts';

/** Who changed what on a strategy, newest first; anyone who may see the strategy may read it. */
export async function listStrategyHistory(db: DbOrTx, actor: Actor, strategyId: string, limit = 200) {
	await findVisibleStrategy(db, actor, strategyId);
	return db
		.select({ id: activityEvents.id, action: activityEvents.action, changes: activityEvents.changes, at: activityEvents.createdAt, actorName: users.name })
		.from(activityEvents)
		.leftJoin(users, eq(users.id, activityEvents.actorId))
		.where(and(eq(activityEvents.subjectType, 'strategy'), eq(activityEvents.subjectId, strategyId)))
		.orderBy(desc(activityEvents.createdAt), desc(activityEvents.id))
		.limit(limit);
}
