import { and, eq, sql } from 'drizzle-orm';
import type { QueryBuilder } from 'drizzle-orm/pg-core';
import { m } from '#lib/paraglide/messages.js';
import type { StrategyRole } from '../../toolkit-codes.ts';
import type { Db, DbOrTx } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { organisations } from '../directory/schema.ts';
import { DomainError } from '../errors.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { canEditStrategy } from './policies.ts';
import { strategies, strategyCollaborators } from './schema.ts';
import { visibleStrategies } from './scope.ts';

/**
 * The strategy with the actor's role on it, in one statement (every strategy page starts with it),
 * on a database or a bare query builder (the benchmark's baseline).
 */
export function visibleStrategyStatement(qb: Pick<Db, 'select'> | QueryBuilder, actor: Actor, id: string) {
	const b = qb as Db;
	const reader = isUser(actor) ? actor.userId : null;
	return b
		.select({ strategy: strategies, org: { id: organisations.id, name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive }, role: strategyCollaborators.role })
		.from(strategies)
		.innerJoin(organisations, eq(organisations.id, strategies.organisationId))
		.leftJoin(strategyCollaborators, and(eq(strategyCollaborators.strategyId, strategies.id), reader ? eq(strategyCollaborators.userId, reader) : sql`false`))
		.where(and(eq(strategies.id, id), visibleStrategies(actor)))
		.limit(1);
}

/**
 * The strategy if the actor may see it, with their role on it. Another organisation's strategy
 * answers NOT_FOUND, exactly like one that does not exist.
 */
export async function findVisibleStrategy(db: DbOrTx, actor: Actor, id: string) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [row] = await visibleStrategyStatement(db as Db, actor, id);
	if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
	const role: StrategyRole | null = row.role ?? null;
	const canEdit = canEditStrategy(actor, row.strategy, role).allowed;
	return { strategy: row.strategy, org: row.org, role, canEdit };
}
export type FoundStrategy = Awaited<ReturnType<typeof findVisibleStrategy>>;
