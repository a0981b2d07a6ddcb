import { and, eq, inArray } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { activityStatusesInput } from '../../validation/toolkit.ts';
import { editStrategy } from './edit-strategy.ts';
import { strategyActivities } from './schema.ts';

/**
 * Sets the statuses chosen in the plan's table, all or none. The table sends every row it shows;
 * only the rows whose status changed are written, each with its own history entry.
 */
export async function updateActivityStatuses(db: Db, actor: Actor, strategyId: string, raw: unknown) {
	const { ids, statuses } = parseInput(activityStatusesInput, raw);
	return editStrategy(db, actor, strategyId, async (tx) => {
		const a = strategyActivities;
		const before = ids.length ? await tx.select({ id: a.id, title: a.title, status: a.status }).from(a).where(and(eq(a.strategyId, strategyId), inArray(a.id, ids))) : [];
		if (before.length !== new Set(ids).size) throw new DomainError('NOT_FOUND', m.e_not_found());
		const chosen = new Map(ids.map((id, i) => [id, statuses[i]]));
		const changed = before.filter((b) => chosen.get(b.id) !== b.status);
		for (const status of new Set(changed.map((b) => chosen.get(b.id)!)))
			await tx.update(a).set({ status }).where(inArray(a.id, changed.filter((b) => chosen.get(b.id) === status).map((b) => b.id)));
		return {
			result: changed.length,
			changes: changed.map((b) => ({ activity: { from: b.title, to: b.title }, 'activity.status': { from: b.status, to: chosen.get(b.id)! } }))
		};
	});
}
