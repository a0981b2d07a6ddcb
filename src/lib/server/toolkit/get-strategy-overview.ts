import { and, asc, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { StrategyRole } from '../../toolkit-codes.ts';
import type { Db, DbOrTx } from '../db/types.ts';
import { memberships } from '../directory/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { users } from '../identity/schema.ts';
import { findVisibleStrategy } from './find-strategy.ts';
import { planProgress, type PlanFacts } from './plan-completeness.ts';
import { smartMissing } from './smart.ts';
import { strategies, strategyActivities, strategyCollaborators, strategyMessages, strategyMonitoring, strategyStakeholders, strategySteps, strategyTactics } from './schema.ts';

/** The organisation's members with their role on the strategy (an organisation's owner always edits). */
export async function readTeam(db: DbOrTx, strategyId: string, organisationId: string) {
	const team = await db
		.select({ userId: memberships.userId, name: users.name, orgRole: memberships.role, role: strategyCollaborators.role })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.leftJoin(strategyCollaborators, and(eq(strategyCollaborators.userId, memberships.userId), eq(strategyCollaborators.strategyId, strategyId)))
		.where(eq(memberships.organisationId, organisationId))
		.orderBy(asc(users.name));
	return team.map((t) => ({ ...t, role: (t.orgRole === 'owner' ? 'editor' : (t.role ?? 'viewer')) as StrategyRole }));
}

/** How many of each thing the plan holds, counted in the database: the overview needs no rows. */
function countPlan(db: Db, strategyId: string) {
	const n = (table: PgTable & { strategyId: PgColumn }, where = sql`true`) => sql<number>`(SELECT count(*) FROM ${table} WHERE ${table.strategyId} = ${strategyId} AND ${where})::int`;
	return db
		.select({
			stakeholders: n(strategyStakeholders),
			targets: n(strategyStakeholders, sql`${strategyStakeholders.target}`),
			tactics: n(strategyTactics),
			messages: n(strategyMessages),
			activities: n(strategyActivities),
			milestones: n(strategyActivities, sql`${strategyActivities.milestone} AND ${strategyActivities.status} <> 'dropped'`),
			indicators: n(strategyMonitoring, sql`${strategyMonitoring.kind} = 'indicator'`),
			checkIns: n(strategyMonitoring, sql`${strategyMonitoring.kind} = 'check_in'`)
		})
		.from(strategies)
		.where(eq(strategies.id, strategyId));
}

/** A strategy's front page: how far each step has come, and who works on it. */
export async function getStrategyOverview(db: Db, actor: Actor, strategyId: string) {
	const found = await findVisibleStrategy(db, actor, strategyId);
	const [steps, [counts], team] = await Promise.all([
		db.select({ step: strategySteps.step, content: strategySteps.content }).from(strategySteps).where(eq(strategySteps.strategyId, strategyId)),
		countPlan(db, strategyId),
		readTeam(db, strategyId, found.strategy.organisationId)
	]);
	const contents = Object.fromEntries(steps.map((s) => [s.step, s.content])) as PlanFacts['steps'];
	const progress = planProgress({ steps: contents, counts, smartMissing: smartMissing(contents[2]?.goal ?? '') });
	const manages = found.canEdit;
	return { strategy: found.strategy, org: found.org, role: found.role, can: { edit: found.canEdit, manageTeam: manages, handOff: manages }, progress, team };
}
