import { hasRole, isStaff, membershipIn, type Actor } from '../identity/actor.ts';
import { allow, deny, type Decision } from '../identity/policies.ts';

/** Programme staff agree indicators with the partner and write them down. */
export const canSetIndicators = (actor: Actor): Decision =>
	hasRole(actor, 'admin', 'programme_officer') ? allow : deny('only programme officers and admins set outcome indicators');

/** A partner's outcomes are seen by staff and by the partner's own members. */
export const canSeeOutcomes = (actor: Actor, organisationId: string): Decision =>
	isStaff(actor) || membershipIn(actor, organisationId) ? allow : deny('only staff and the partner see its outcomes');

/** Actual values come from the partner (reports, monitoring, check-ins) or from programme staff. */
export const canReportActual = (actor: Actor, organisationId: string): Decision =>
	membershipIn(actor, organisationId) || hasRole(actor, 'admin', 'programme_officer')
		? allow
		: deny('only members of the organisation or programme staff report outcome values');

/** Judging a reported value is a staff decision, never the partner's own. */
export const canReviewActual = (actor: Actor): Decision =>
	hasRole(actor, 'admin', 'programme_officer') ? allow : deny('only programme officers and admins review outcome values');

/** Portfolio reporting is for staff: it adds up every partner's support, sensitive ones included. */
export const canSeeInsight = (actor: Actor): Decision => (isStaff(actor) ? allow : deny('only staff see portfolio reporting'));
