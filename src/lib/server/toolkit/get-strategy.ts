import { asc, eq, sql } from 'drizzle-orm';
import type { Step } from '../../toolkit-codes.ts';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { users } from '../identity/schema.ts';
import { findVisibleStrategy } from './find-strategy.ts';
import { readTeam } from './get-strategy-overview.ts';
import { planProgress } from './plan-completeness.ts';
import { smartMissing } from './smart.ts';
import {
	strategyActivities,
	strategyMessages,
	strategyMonitoring,
	strategyStakeholders,
	strategySteps,
	strategyTactics
} from './schema.ts';

/** Everything on one strategy: its steps, lists, team and progress, with what the actor may do. */
export async function getStrategy(db: DbOrTx, actor: Actor, id: string) {
	const found = await findVisibleStrategy(db, actor, id);
	const [steps, stakeholders, tactics, messages, activities, monitoring, team] = await Promise.all([
		db
			.select({ step: strategySteps.step, content: strategySteps.content, version: strategySteps.version, updatedAt: strategySteps.updatedAt, updatedByName: users.name })
			.from(strategySteps)
			.leftJoin(users, eq(users.id, strategySteps.updatedBy))
			.where(eq(strategySteps.strategyId, id))
			.orderBy(asc(strategySteps.step)),
		db.select().from(strategyStakeholders).where(eq(strategyStakeholders.strategyId, id)).orderBy(asc(strategyStakeholders.name), asc(strategyStakeholders.id)),
		db.select().from(strategyTactics).where(eq(strategyTactics.strategyId, id)).orderBy(asc(strategyTactics.createdAt), asc(strategyTactics.id)),
		db.select().from(strategyMessages).where(eq(strategyMessages.strategyId, id)).orderBy(asc(strategyMessages.createdAt), asc(strategyMessages.id)),
		db
			.select()
			.from(strategyActivities)
			.where(eq(strategyActivities.strategyId, id))
			.orderBy(sql`${strategyActivities.startDate} ASC NULLS LAST`, sql`${strategyActivities.dueDate} ASC NULLS LAST`, asc(strategyActivities.title), asc(strategyActivities.id)),
		db.select().from(strategyMonitoring).where(eq(strategyMonitoring.strategyId, id)).orderBy(sql`${strategyMonitoring.entryDate} DESC NULLS LAST`, asc(strategyMonitoring.createdAt)),
		readTeam(db, id, found.strategy.organisationId)
	]);
	const stepMap = Object.fromEntries(steps.map((s) => [s.step, s])) as Record<Step, (typeof steps)[number]>;
	const contents = Object.fromEntries(steps.map((s) => [s.step, s.content])) as Partial<Record<Step, Record<string, string>>>;
	const progress = planProgress({
		steps: contents,
		counts: {
			stakeholders: stakeholders.length,
			targets: stakeholders.filter((s) => s.target).length,
			tactics: tactics.length,
			messages: messages.length,
			activities: activities.length,
			milestones: activities.filter((a) => a.milestone && a.status !== 'dropped').length,
			indicators: monitoring.filter((e) => e.kind === 'indicator').length,
			checkIns: monitoring.filter((e) => e.kind === 'check_in').length
		},
		smartMissing: smartMissing(contents[2]?.goal ?? '')
	});
	return {
		strategy: found.strategy,
		org: found.org,
		role: found.role,
		can: { edit: found.canEdit, manageTeam: found.canEdit, handOff: found.canEdit },
		steps: stepMap,
		stakeholders,
		tactics,
		messages,
		activities,
		monitoring,
		team,
		progress
	};
}
export type StrategyView = Awaited<ReturnType<typeof getStrategy>>;
