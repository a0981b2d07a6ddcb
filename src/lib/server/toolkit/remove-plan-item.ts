import { and, eq, sql } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { editStrategy } from './edit-strategy.ts';
import { strategyActivities, strategyMessages, strategyMonitoring, strategyStakeholders, strategyTactics } from './schema.ts';

export const PLAN_ITEM_KINDS = ['stakeholder', 'tactic', 'message', 'activity', 'monitoring'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

const TABLES = {
	stakeholder: { table: strategyStakeholders, label: strategyStakeholders.name },
	tactic: { table: strategyTactics, label: strategyTactics.description },
	message: { table: strategyMessages, label: strategyMessages.coreMessage },
	activity: { table: strategyActivities, label: strategyActivities.title },
	monitoring: { table: strategyMonitoring, label: strategyMonitoring.title }
} as const;

/** Removes one item from a strategy's lists; ties pointing at a removed stakeholder go with it. */
export async function removePlanItem(db: Db, actor: Actor, strategyId: string, kind: string, id: string) {
	// Only the kinds themselves: a name such as `__proto__` must not reach the object's prototype.
	if (!(PLAN_ITEM_KINDS as readonly string[]).includes(kind) || !isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const entry = TABLES[kind as PlanItemKind];
	return editStrategy(db, actor, strategyId, async (tx) => {
		const t = entry.table;
		const [gone] = await tx
			.delete(t)
			.where(and(eq(t.id, id), eq(t.strategyId, strategyId)))
			.returning({ label: entry.label });
		if (!gone) throw new DomainError('NOT_FOUND', m.e_not_found());
		if (kind === 'stakeholder')
			await tx
				.update(strategyStakeholders)
				.set({ ties: sql`array_remove(${strategyStakeholders.ties}, ${id}::uuid)` })
				.where(eq(strategyStakeholders.strategyId, strategyId));
		return { result: { removed: true }, changes: { [kind]: { from: gone.label, to: null } } };
	});
}
