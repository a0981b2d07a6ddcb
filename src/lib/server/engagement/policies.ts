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
