import type { DbOrTx } from '../db/types.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { criteriaSetById, currentCriteriaSet } from './criteria-set.ts';
import { findVisibleRequest } from './find-request.ts';
import { levelsOf, loadAssessments } from './load-assessments.ts';
import { canSeeAssessments } from './policies.ts';
import { consolidate } from './result.ts';

/**
 * The consolidated view: every submitted assessment side by side with the per-criterion mean,
 * spread and disagreement, the weighted score, band, gate, gaps and weight sensitivity. An
 * assessor who has not yet submitted is refused, so that others' scores cannot anchor theirs.
 */
export async function getConsolidation(db: DbOrTx, actor: Actor, requestId: string) {
	const { request } = await findVisibleRequest(db, actor, requestId);
	const assessments = await loadAssessments(db, request.id);
	const mine = isUser(actor) ? assessments.find((a) => a.assessorId === actor.userId) : undefined;
	ensure(canSeeAssessments(actor, mine ? { submitted: !!mine.submittedAt } : null));
	const set = request.criteriaSetId ? await criteriaSetById(db, request.criteriaSetId) : await currentCriteriaSet(db, actor);
	const submitted = assessments.filter((a) => a.submittedAt);
	return {
		request,
		set,
		result: consolidate(set, submitted.map(levelsOf)),
		assessments: submitted,
		pending: assessments.filter((a) => !a.submittedAt).map((a) => a.assessorName)
	};
}
export type Consolidation = Awaited<ReturnType<typeof getConsolidation>>;
