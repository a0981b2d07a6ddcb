import { hasRole, isUser, membershipIn, type Actor } from '../identity/actor.ts';
import { allow, deny, type Decision } from '../identity/policies.ts';

/** Staff who run calls: screen, assign reviewers, decide, award and close. */
export const canRunCalls = (actor: Actor): Decision =>
	hasRole(actor, 'admin', 'programme_officer') ? allow : deny('only programme officers and admins run calls');

/** Any member of the applying organisation acts for it: drafts, submits, withdraws, reports. */
export const canActForApplicant = (actor: Actor, organisationId: string): Decision =>
	membershipIn(actor, organisationId) ? allow : deny('only members of the applying organisation act for it');

/** Staff may start an application for a partner (e.g. from a strategy they built together). */
export const canStartApplication = (actor: Actor, organisationId: string): Decision =>
	membershipIn(actor, organisationId) || hasRole(actor, 'admin', 'programme_officer')
		? allow
		: deny('only members of the organisation or programme staff start an application for it');

/** Money moves are recorded by finance only. */
export const canRecordDisbursement = (actor: Actor): Decision =>
	hasRole(actor, 'finance') ? allow : deny('only finance records disbursements');

/** Reviewers of either kind may be assigned; an external reviewer sees only what is assigned. */
export const canBeAssigned = (role: string, allowed: readonly string[]): Decision =>
	allowed.includes(role) ? allow : deny('this person may not review this stage');

/** Read access to the staff list of applications. */
export const canListAllApplications = (actor: Actor): Decision =>
	hasRole(actor, 'admin', 'programme_officer') ? allow : deny('only programme staff list every application');

export const isApplicantOf = (actor: Actor, organisationId: string) => isUser(actor) && !!membershipIn(actor, organisationId);
