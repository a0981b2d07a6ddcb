import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { StrategyRole } from '../../toolkit-codes.ts';
import type { DbOrTx } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { organisations } from '../directory/schema.ts';
import { DomainError } from '../errors.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { canEditStrategy } from './policies.ts';
import { strategies, strategyCollaborators } from './schema.ts';
import { visibleStrategies } from './scope.ts';

/**
 * The strategy if the actor may see it, with their role on it. Another organisation's strategy
 * answers NOT_FOUND, exactly like one that does not exist.
 */
export async function findVisibleStrategy(db: DbOrTx, actor: Actor, id: string) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [row] = await db
		.select({ strategy: strategies, org: { id: organisations.id, name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive } })
		.from(strategies)
		.innerJoin(organisations, eq(organisations.id, strategies.organisationId))
		.where(and(eq(strategies.id, id), visibleStrategies(actor)))
		.limit(1);
	if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
	let role: StrategyRole | null = null;
	if (isUser(actor)) {
		const [c] = await db
			.select({ role: strategyCollaborators.role })
			.from(strategyCollaborators)
			.where(and(eq(strategyCollaborators.strategyId, id), eq(strategyCollaborators.userId, actor.userId)));
		role = c?.role ?? null;
	}
	const canEdit = canEditStrategy(actor, row.strategy, role).allowed;
	return { ...row, role, canEdit };
}
export type FoundStrategy = Awaited<ReturnType<typeof findVisibleStrategy>>;
