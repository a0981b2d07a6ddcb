import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { outsideLabel } from '../directory/partner-label.ts';
import { isStaff, isUser, membershipIn, type Actor } from '../identity/actor.ts';
import { users } from '../identity/schema.ts';
import { findVisibleRequest } from './find-request.ts';
import { loadAssessments } from './load-assessments.ts';
import { loadSafetyPlan } from './load-safety-plan.ts';
import { canAssign, canDecide, canEditRequest, canHandleSafetyPlans, canOverrideGate, canSeeAssessments, canSeePartnerName } from './policies.ts';
import { gateRequirement } from './safety-gate.ts';
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
	const assessed = assessments.some((a) => a.submittedAt);
	const seesAssessments = canSeeAssessments(actor, mineState).allowed;
	const entitled = canSeePartnerName(actor, organisation);
	const editable = canEditRequest(actor, request).allowed && editableByRequester(request.status);
	// The score, band and gate are the assessors' working result, not the requester's to see; an
	// assigned assessor (staff or not) sees them only once their own assessment is in, so that the
	// combined figure cannot anchor theirs.
	const blind = !!mine && !mine.submittedAt;
	const insider = (isStaff(actor) || !!mine) && !blind;
	const officer = canHandleSafetyPlans(actor).allowed;
	const plan = officer ? await loadSafetyPlan(db, request.id) : null;
	const overrider = insider && request.gateOverriddenBy
		? (await db.select({ name: users.name }).from(users).where(eq(users.id, request.gateOverriddenBy)).limit(1))[0]
		: undefined;
	return {
		request: {
			...(insider
				? request
				: { ...request, score: null, band: null, gate: null, criteriaSetId: null, decidedBy: null, gateOverrideReason: null, gateOverriddenBy: null, gateOverriddenAt: null }),
			// A sensitive partner's country is part of its identity; its region stays.
			country: entitled ? request.country : null
		},
		/** The physical-security gate for the people who run intake; null for everyone else. */
		safety: officer
			? {
					requirement: gateRequirement(request, plan, isUser(actor) ? actor.userId : null),
					plan: plan ? { authorName: plan.authorName, approverName: plan.approverName, approvedAt: plan.approvedAt, reviewOn: plan.reviewOn } : null
				}
			: null,
		/** An admin's override of the gate, shown on the request to those who see its result. */
		override: insider && request.gateOverriddenAt
			? { reason: request.gateOverrideReason ?? '', by: overrider?.name ?? null, at: request.gateOverriddenAt }
			: null,
		organisation: {
			id: organisation.id,
			name: entitled ? organisation.name : outsideLabel(organisation, isUser(actor) ? actor.locale : undefined),
			sensitive: organisation.sensitive,
			country: entitled ? organisation.country : null,
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
			// A decision is offered once someone has assessed the request; before that, only a question back.
			decide: canDecide(actor).allowed && request.status === 'in_assessment' && assessed,
			overrideGate: canOverrideGate(actor).allowed && canDecide(actor).allowed && request.status === 'in_assessment' && assessed,
			requestInformation: canDecide(actor).allowed && (request.status === 'in_assessment' || request.status === 'submitted'),
			partnerView: !isStaff(actor) && !!membershipIn(actor, organisation.id)
		}
	};
}
export type RequestView = Awaited<ReturnType<typeof getRequest>>;
