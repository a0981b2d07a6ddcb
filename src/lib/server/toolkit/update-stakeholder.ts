import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { diff } from '../activity/record-activity.ts';
import type { Db, Tx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { stakeholderInput, stakeholderMove } from '../../validation/toolkit.ts';
import { editStrategy } from './edit-strategy.ts';
import { cleanTies } from '../../toolkit-power-map.ts';
import { strategyStakeholders } from './schema.ts';

async function findStakeholder(tx: Tx, strategyId: string, id: string) {
	const [row] = await tx.select().from(strategyStakeholders).where(and(eq(strategyStakeholders.id, id), eq(strategyStakeholders.strategyId, strategyId)));
	if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
	return row;
}

async function apply(db: Db, actor: Actor, strategyId: string, id: string, values: Partial<typeof strategyStakeholders.$inferInsert>) {
	return editStrategy(db, actor, strategyId, async (tx) => {
		const before = await findStakeholder(tx, strategyId, id);
		if (values.ties) {
			const known = await tx.select({ id: strategyStakeholders.id }).from(strategyStakeholders).where(eq(strategyStakeholders.strategyId, strategyId));
			values.ties = cleanTies(id, values.ties, new Set(known.map((k) => k.id)));
		}
		const [after] = await tx.update(strategyStakeholders).set(values).where(eq(strategyStakeholders.id, id)).returning();
		const changes = Object.fromEntries(Object.entries(diff(before, values)).map(([k, v]) => [`stakeholder.${k}`, v]));
		return { result: after, changes: { stakeholder: { from: before.name, to: after.name }, ...changes } };
	});
}

/** Edits a stakeholder of the strategy's power map. */
export async function updateStakeholder(db: Db, actor: Actor, strategyId: string, id: string, raw: unknown) {
	return apply(db, actor, strategyId, id, parseInput(stakeholderInput, raw));
}

/** Moves a stakeholder on the grid: only its position and power change. */
export async function moveStakeholder(db: Db, actor: Actor, strategyId: string, id: string, raw: unknown) {
	return apply(db, actor, strategyId, id, parseInput(stakeholderMove, raw));
}
