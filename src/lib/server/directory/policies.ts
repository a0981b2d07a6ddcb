import { DIRECTORY_MANAGERS } from '../../roles.ts';
import { hasRole, isStaff, isUser, membershipIn, type Actor } from '../identity/actor.ts';
import { allow, deny, type Decision } from '../identity/policies.ts';
import { entitledToIdentity } from './partner-label.ts';

type OrgRef = { id: string; sensitive: boolean };

const isManager = (a: Actor) => hasRole(a, ...DIRECTORY_MANAGERS);

/**
 * Who sees that a partner exists. Signed-in people see ordinary partners' public profiles;
 * a sensitive partner is seen only by those entitled to its identity (admins, programme
 * officers, its own members and the staff on its need-to-know list). External reviewers see only
 * what is assigned to them, which in the directory means their own organisations.
 */
export function canSeeOrganisation(actor: Actor, org: OrgRef): Decision {
	if (!isUser(actor)) return deny('sign in to see the directory');
	if (membershipIn(actor, org.id)) return allow;
	if (actor.role === 'external_reviewer') return deny('external reviewers see only assigned records');
	return entitledToIdentity(actor, org) ? allow : deny('sensitive partner: need to know');
}

/** People, members and agreements are the partner's private data. */
export function canSeePrivate(actor: Actor, org: OrgRef): Decision {
	if (membershipIn(actor, org.id) || (isStaff(actor) && entitledToIdentity(actor, org))) return allow;
	return deny('only entitled staff and the organisation’s members see this');
}

/** Admins and programme officers keep each sensitive partner's need-to-know list. */
export function canManageNeedToKnow(actor: Actor): Decision {
	return isManager(actor) ? allow : deny('only programme staff keep need-to-know lists');
}

export function canCreateOrganisation(actor: Actor): Decision {
	if (!isUser(actor)) return deny('sign in first');
	return actor.role === 'external_reviewer' ? deny('external reviewers cannot add partners') : allow;
}

/** Directory managers edit any partner; members edit their own organisation's profile and contacts. */
export function canEditOrganisation(actor: Actor, org: OrgRef): Decision {
	if (isManager(actor) || membershipIn(actor, org.id)) return allow;
	return deny('only the organisation’s members and programme staff edit it');
}

export function canManageMembers(actor: Actor, org: OrgRef): Decision {
	if (isManager(actor) || membershipIn(actor, org.id) === 'owner') return allow;
	return deny('only owners and programme staff manage members');
}

export function canSetSensitivity(actor: Actor): Decision {
	return isManager(actor) ? allow : deny('only programme staff mark partners sensitive');
}

/** Agreements are the support organisation's commitments: its programme staff record them. */
export function canManageAgreements(actor: Actor): Decision {
	return isManager(actor) ? allow : deny('only programme staff record agreements');
}

export function canSeeActivity(actor: Actor): Decision {
	return isStaff(actor) ? allow : deny('only staff see the activity log');
}

/** Whether a partner agreed to be named publicly is recorded by programme staff, as sensitivity is. */
export function canSetListing(actor: Actor): Decision {
	return isManager(actor) ? allow : deny('only programme staff record a partner’s agreement to be listed');
}
