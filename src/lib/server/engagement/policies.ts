import { hasRole, isStaff, isUser, membershipIn, type Actor } from '../identity/actor.ts';
import { allow, deny, type Decision } from '../identity/policies.ts';

/** Programme officers and admins run the intake: they assign assessors and decide. */
export const isOfficer = (a: Actor) => hasRole(a, 'admin', 'programme_officer');

/** Who may be assigned to assess: reviewers, officers, admins and outside committee members. */
export const ASSESSOR_ROLES = ['reviewer', 'programme_officer', 'admin', 'external_reviewer'] as const;

/** A partner's members ask for support for their organisation; officers may do so on a partner's behalf. */
export function canRequestFor(actor: Actor, organisationId: string): Decision {
	if (!isUser(actor)) return deny('sign in first');
	if (isOfficer(actor) || membershipIn(actor, organisationId)) return allow;
	return deny('only the partner’s members and programme officers request support for it');
}

export function canEditRequest(actor: Actor, req: { organisationId: string }): Decision {
	return canRequestFor(actor, req.organisationId);
}

export function canAssign(actor: Actor): Decision {
	return isOfficer(actor) ? allow : deny('only programme officers assign assessors');
}

export function canDecide(actor: Actor): Decision {
	return isOfficer(actor) ? allow : deny('only programme officers record decisions');
}

/**
 * Safety plans say how a partner at risk is reached: only the officers who run intake write,
 * read and approve them. Approval needs a second pair of eyes: not the person who wrote the plan
 * or last changed it.
 */
export function canHandleSafetyPlans(actor: Actor): Decision {
	return isOfficer(actor) ? allow : deny('only programme officers handle safety plans');
}

export function canApproveSafetyPlan(actor: Actor, plan: { authorId: string | null; updatedBy: string | null }): Decision {
	if (!isOfficer(actor) || !isUser(actor)) return deny('only programme officers approve safety plans');
	if (plan.authorId === actor.userId || plan.updatedBy === actor.userId) return deny('a plan is approved by someone who did not write it');
	return allow;
}

/** Deciding "invest" past a triggered gate without an approved plan is an admin's call, with a reason. */
export function canOverrideGate(actor: Actor): Decision {
	return hasRole(actor, 'admin') ? allow : deny('only admins override the safety gate');
}

/** The whole portfolio (and its exports) is for staff; external reviewers see only what is assigned. */
export function canSeePortfolio(actor: Actor): Decision {
	return isStaff(actor) ? allow : deny('only staff see the portfolio');
}

export function canManageCriteria(actor: Actor): Decision {
	return hasRole(actor, 'admin') ? allow : deny('only admins edit criteria sets');
}

export function canReadCriteria(actor: Actor): Decision {
	return isStaff(actor) || hasRole(actor, 'external_reviewer') ? allow : deny('criteria sets are for assessors');
}

/**
 * Assessors' scores and notes. Staff and assessors who have submitted their own see them; an
 * assessor still working sees only their own, so that others' views cannot anchor theirs. The
 * requesting partner never sees them.
 */
export function canSeeAssessments(actor: Actor, mine: { submitted: boolean } | null): Decision {
	if (mine) return mine.submitted ? allow : deny('submit your own assessment first');
	return isStaff(actor) ? allow : deny('assessments are for staff and assessors');
}

/** Staff are entitled to a sensitive partner's name; partners see their own. Others get the reference. */
export function canSeePartnerName(actor: Actor, org: { id: string; sensitive: boolean }): boolean {
	return !org.sensitive || isStaff(actor) || !!membershipIn(actor, org.id);
}
