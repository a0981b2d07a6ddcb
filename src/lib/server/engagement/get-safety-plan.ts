import type { DbOrTx } from '../db/types.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { findVisibleRequest } from './find-request.ts';
import { loadSafetyPlan } from './load-safety-plan.ts';
import { canApproveSafetyPlan, canHandleSafetyPlans } from './policies.ts';
import { gateRequirement } from './safety-gate.ts';

/** The safety plan of a request as an officer sees it, with the gate's state and what they may do. */
export async function getSafetyPlan(db: DbOrTx, actor: Actor, requestId: string) {
	ensure(canHandleSafetyPlans(actor));
	const { request } = await findVisibleRequest(db, actor, requestId);
	const plan = await loadSafetyPlan(db, request.id);
	const open = request.status !== 'decided';
	return {
		requestId: request.id,
		gate: request.gate,
		plan,
		requirement: gateRequirement(request, plan, isUser(actor) ? actor.userId : null),
		can: {
			edit: open,
			approve: open && !!plan && !plan.approvedAt && canApproveSafetyPlan(actor, plan).allowed
		}
	};
}
export type SafetyPlanView = Awaited<ReturnType<typeof getSafetyPlan>>;
