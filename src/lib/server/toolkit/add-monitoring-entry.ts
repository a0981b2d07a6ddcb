import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { monitoringInput } from '../../validation/toolkit.ts';
import { editStrategy } from './edit-strategy.ts';
import { strategyMonitoring } from './schema.ts';

/** Step 4: an indicator, a check-in, or an entry in the log of what changed and why. */
export async function addMonitoringEntry(db: Db, actor: Actor, strategyId: string, raw: unknown) {
	const input = parseInput(monitoringInput, raw);
	return editStrategy(db, actor, strategyId, async (tx) => {
		const [row] = await tx
			.insert(strategyMonitoring)
			.values({ ...input, entryDate: input.entryDate || null, strategyId, createdBy: actor.kind === 'user' ? actor.userId : null })
			.returning();
		return { result: row, changes: { [input.kind]: { from: null, to: row.title } } };
	});
}
