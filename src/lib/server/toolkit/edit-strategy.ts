import { eq } from 'drizzle-orm';
import { recordActivities, type Changes } from '../activity/record-activity.ts';
import type { Db, Tx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { findVisibleStrategy, type FoundStrategy } from './find-strategy.ts';
import { canEditStrategy } from './policies.ts';
import { strategies } from './schema.ts';

/**
 * The frame every change to a strategy's lists runs in: one transaction, the editor check, the
 * change itself, and the history entry naming what changed (one entry per item when a change
 * touches several, such as statuses set together).
 */
export function editStrategy<T>(
	db: Db,
	actor: Actor,
	strategyId: string,
	change: (tx: Tx, found: FoundStrategy) => Promise<{ result: T; changes: Changes | Changes[] }>
): Promise<T> {
	return db.transaction(async (tx) => {
		const found = await findVisibleStrategy(tx, actor, strategyId);
		ensure(canEditStrategy(actor, found.strategy, found.role));
		const { result, changes } = await change(tx, found);
		await tx.update(strategies).set({ updatedAt: new Date() }).where(eq(strategies.id, strategyId));
		const entries = (Array.isArray(changes) ? changes : [changes]).map((c) => ({ subjectType: 'strategy', subjectId: strategyId, organisationId: found.strategy.organisationId, action: 'updated', changes: c }));
		if (entries.length) await recordActivities(tx, actor, entries);
		return result;
	});
}
