import type { DbOrTx } from '../db/types.ts';
import { outsideLabel } from '../directory/partner-label.ts';
import { isStaff, isUser, membershipIn, type Actor } from '../identity/actor.ts';
import { findVisibleRequest } from './find-request.ts';
import { loadAssessments } from './load-assessments.ts';
import { canAssign, canDecide, canEditRequest, canSeeAssessments, canSeePartnerName } from './policies.ts';
import { acceptsAssessors, editableByRequester, nextStatus } from './workflow.ts';

/**
 * One request as the actor may see it, with what they may do to it. The requesting partner gets
 * the request, its status and the outcome; never the assessors or their notes.
 */
export async function getRequest(db: DbOrTx, actor: Actor, id: string) {
	const { request, organisation } = await findVisibleRequest(db, actor, id);
	const assessments = await loadAssessments(db, request.id);
	const mine = isUser(actor) ? assessments.find((a) => a.assessorId === actor.userId) : undefined;
	const mineState = mine ? { submitted: !!mine.submittedAt } : null;
	const seesAssessments = canSeeAssessments(actor, mineState).allowed;
	const entitled = canSeePartnerName(actor, organisation);
	const editable = canEditRequest(actor, request).allowed && editableByRequester(request.status);
	// The score, band and gate are the assessors' working result, not the requester's to see.
	const insider = isStaff(actor) || !!mine;
	return {
		request: insider ? request : { ...request, score: null, band: null, gate: null, criteriaSetId: null, decidedBy: null },
		organisation: {
			id: organisation.id,
			name: entitled ? organisation.name : outsideLabel(organisation, isUser(actor) ? actor.locale : undefined),
			sensitive: organisation.sensitive,
			country: organisation.country,
			region: organisation.region
		},
		assessors: isStaff(actor) || mine ? assessments.map((a) => ({ id: a.assessorId, name: a.assessorName, submitted: !!a.submittedAt })) : [],
		mine: mineState,
		can: {
			edit: editable,
			submit: editable && nextStatus(request.status, 'submit', 'requester') !== null,
			assign: canAssign(actor).allowed && acceptsAssessors(request.status),
			assess: !!mine && !mine.submittedAt && request.status === 'in_assessment',
			seeAssessments: seesAssessments && assessments.some((a) => a.submittedAt),
			decide: canDecide(actor).allowed && request.status === 'in_assessment',
			requestInformation: canDecide(actor).allowed && (request.status === 'in_assessment' || request.status === 'submitted'),
			partnerView: !isStaff(actor) && !!membershipIn(actor, organisation.id)
		}
	};
}
export type RequestView = Awaited<ReturnType<typeof getRequest>>;
