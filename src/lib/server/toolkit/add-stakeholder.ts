import { eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { stakeholderInput } from '../../validation/toolkit.ts';
import { editStrategy } from './edit-strategy.ts';
import { cleanTies } from '../../toolkit-power-map.ts';
import { strategyStakeholders } from './schema.ts';

export async function addStakeholder(db: Db, actor: Actor, strategyId: string, raw: unknown) {
	const input = parseInput(stakeholderInput, raw);
	return editStrategy(db, actor, strategyId, async (tx) => {
		const known = await tx.select({ id: strategyStakeholders.id }).from(strategyStakeholders).where(eq(strategyStakeholders.strategyId, strategyId));
		const ties = cleanTies(null, input.ties, new Set(known.map((k) => k.id)));
		const [row] = await tx.insert(strategyStakeholders).values({ ...input, ties, strategyId }).returning();
		return { result: row, changes: { stakeholder: { from: null, to: row.name } } };
	});
}
