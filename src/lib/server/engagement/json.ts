import type { Consolidation } from './get-consolidation.ts';
import type { RequestView } from './get-request.ts';

// The API's shapes for the engagement capability.

export function requestJson(view: RequestView) {
	return { ...view.request, organisation: view.organisation, assessors: view.assessors, can: view.can };
}

export function consolidationJson(c: Consolidation) {
	return {
		requestId: c.request.id,
		criteriaSet: { id: c.set.id, version: c.set.version },
		result: c.result,
		assessments: c.assessments.map((a) => ({ id: a.id, assessorId: a.assessorId, assessorName: a.assessorName, submittedAt: a.submittedAt, scores: a.scores })),
		pending: c.pending
	};
}
