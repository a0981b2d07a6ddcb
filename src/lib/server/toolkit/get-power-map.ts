import { asc, eq } from 'drizzle-orm';
import type { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { findVisibleStrategy } from './find-strategy.ts';
import type { Gap } from './plan-completeness.ts';
import { strategyStakeholders } from './schema.ts';

/** The power map's one read: the fields its grid, its table and its edit form show. On a database or a bare query builder (the benchmark's baseline). */
export function powerMapStatement(qb: Pick<Db, 'select'> | QueryBuilder, strategyId: string) {
	const t = strategyStakeholders;
	return (qb as Db)
		.select({ id: t.id, name: t.name, type: t.type, position: t.position, power: t.power, interest: t.interest, notes: t.notes, target: t.target, ally: t.ally, ties: t.ties })
		.from(t)
		.where(eq(t.strategyId, strategyId))
		.orderBy(asc(t.name), asc(t.id));
}

/** A strategy's stakeholders, with what the map still lacks (anyone at all, a target among them). */
export async function getPowerMap(db: Db, actor: Actor, strategyId: string) {
	const found = await findVisibleStrategy(db, actor, strategyId);
	const stakeholders = await powerMapStatement(db, strategyId);
	const gaps: Gap[] = [...(stakeholders.length ? [] : ['stakeholders' as const]), ...(stakeholders.some((s) => s.target) ? [] : ['targets' as const])];
	return { strategy: found.strategy, org: found.org, can: { edit: found.canEdit }, stakeholders, gaps };
}
