import { apiPersonName } from '../../people.ts';
import type { Consolidation } from './get-consolidation.ts';
import type { RequestView } from './get-request.ts';
import type { SafetyPlanView } from './get-safety-plan.ts';

// The API's shapes for the engagement capability.

export function requestJson(view: RequestView) {
	const { gateOverrideReason: _reason, gateOverriddenBy: _by, gateOverriddenAt: _at, ...request } = view.request;
	// An erased person's name is null in the API, in every language.
	const safety = view.safety && { ...view.safety, plan: view.safety.plan && { ...view.safety.plan, authorName: apiPersonName(view.safety.plan.authorName), approverName: apiPersonName(view.safety.plan.approverName) } };
	const assessors = view.assessors.map((a) => ({ ...a, name: apiPersonName(a.name) }));
	return { ...request, organisation: view.organisation, assessors, safety, gateOverride: view.override, can: view.can };
}

export function safetyPlanJson(v: SafetyPlanView) {
	const p = v.plan;
	return {
		requestId: v.requestId,
		gate: v.gate,
		requirement: v.requirement,
		plan: p
			? {
					risks: p.risks,
					mitigations: p.mitigations,
					responsible: p.responsible,
					safeContact: p.safeContact,
					reviewOn: p.reviewOn,
					authorId: p.authorId,
					authorName: apiPersonName(p.authorName),
					updatedBy: p.updatedBy,
					approvedBy: p.approvedBy,
					approverName: apiPersonName(p.approverName),
					approvedAt: p.approvedAt,
					updatedAt: p.updatedAt
				}
			: null,
		can: v.can
	};
}

export function consolidationJson(c: Consolidation) {
	return {
		requestId: c.request.id,
		criteriaSet: { id: c.set.id, version: c.set.version },
		result: c.result,
		assessments: c.assessments.map((a) => ({ id: a.id, assessorId: a.assessorId, assessorName: apiPersonName(a.assessorName), submittedAt: a.submittedAt, scores: a.scores })),
		pending: c.pending
	};
}
