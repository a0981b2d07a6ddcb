import type { GateState } from '../../engagement-codes.ts';

export type PlanState = 'none' | 'awaiting_approval' | 'approved';
/** What still stands between a gated request and an "invest" decision. */
export type GateMissing = 'plan' | 'approval' | 'other_decider';

export type GateRequirement = {
	/** The consolidated gate says a safety plan is needed. */
	triggered: boolean;
	plan: PlanState;
	/** An admin recorded an override with a written reason. */
	overridden: boolean;
	missing: GateMissing[];
};

type PlanFacts = { approvedAt: Date | null; approvedBy: string | null } | null | undefined;

/**
 * The gate as a rule, apart from the database so that pages, the API and the decision share it.
 * When the gate is triggered, "invest" needs a safety plan approved by someone other than the
 * person deciding (who, in turn, cannot be its author: approval already excludes that). An
 * admin's recorded override lifts the requirement.
 */
export function gateRequirement(
	request: { gate: GateState | null; gateOverriddenAt: Date | null },
	plan: PlanFacts,
	deciderId?: string | null
): GateRequirement {
	const triggered = request.gate === 'blocked';
	const planState: PlanState = !plan ? 'none' : plan.approvedAt ? 'approved' : 'awaiting_approval';
	const overridden = !!request.gateOverriddenAt;
	const missing: GateMissing[] = [];
	if (triggered && !overridden) {
		if (planState === 'none') missing.push('plan', 'approval');
		else if (planState === 'awaiting_approval') missing.push('approval');
		else if (deciderId && plan?.approvedBy === deciderId) missing.push('other_decider');
	}
	return { triggered, plan: planState, overridden, missing };
}
