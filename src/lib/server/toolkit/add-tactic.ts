import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { tacticInput } from '../../validation/toolkit.ts';
import { editStrategy } from './edit-strategy.ts';
import { strategyTactics } from './schema.ts';

export async function addTactic(db: Db, actor: Actor, strategyId: string, raw: unknown) {
	const input = parseInput(tacticInput, raw);
	return editStrategy(db, actor, strategyId, async (tx) => {
		const [row] = await tx.insert(strategyTactics).values({ ...input, strategyId }).returning();
		return { result: row, changes: { tactic: { from: null, to: row.description } } };
	});
}
