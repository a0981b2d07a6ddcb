import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { activityInput } from '../../validation/toolkit.ts';
import { editStrategy } from './edit-strategy.ts';
import { strategyActivities } from './schema.ts';

export async function addActivity(db: Db, actor: Actor, strategyId: string, raw: unknown) {
	const input = parseInput(activityInput, raw);
	return editStrategy(db, actor, strategyId, async (tx) => {
		const [row] = await tx
			.insert(strategyActivities)
			.values({ ...input, startDate: input.startDate || null, dueDate: input.dueDate || null, strategyId })
			.returning();
		return { result: row, changes: { activity: { from: null, to: row.title } } };
	});
}
