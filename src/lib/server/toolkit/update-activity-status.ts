import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { activityStatusInput } from '../../validation/toolkit.ts';
import { editStrategy } from './edit-strategy.ts';
import { strategyActivities } from './schema.ts';

export async function updateActivityStatus(db: Db, actor: Actor, strategyId: string, id: string, raw: unknown) {
	const { status } = parseInput(activityStatusInput, raw);
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	return editStrategy(db, actor, strategyId, async (tx) => {
		const where = and(eq(strategyActivities.id, id), eq(strategyActivities.strategyId, strategyId));
		const [before] = await tx.select().from(strategyActivities).where(where);
		if (!before) throw new DomainError('NOT_FOUND', m.e_not_found());
		const [after] = await tx.update(strategyActivities).set({ status }).where(where).returning();
		return { result: after, changes: { activity: { from: before.title, to: after.title }, 'activity.status': { from: before.status, to: status } } };
	});
}
