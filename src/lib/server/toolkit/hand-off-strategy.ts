import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { startApplicationFromPlan } from '../grants/start-application-from-plan.ts';
import { campaignPlanFromStrategy } from './campaign-plan-from-strategy.ts';
import { getStrategy } from './get-strategy.ts';
import { canHandOffStrategy } from './policies.ts';

/** "Use this plan in a mini-grant application": the grants domain starts the application. */
export async function handOffStrategy(db: Db, actor: Actor, strategyId: string) {
	const view = await getStrategy(db, actor, strategyId);
	ensure(canHandOffStrategy(actor, view.strategy, view.role));
	const plan = campaignPlanFromStrategy({
		id: view.strategy.id,
		organisationId: view.strategy.organisationId,
		steps: Object.fromEntries(Object.entries(view.steps).map(([k, s]) => [k, s.content])),
		activities: view.activities
	});
	return startApplicationFromPlan(db, actor, plan);
}
