import { hasRole, type Actor } from '../identity/actor.ts';
import { allow, deny, type Decision } from '../identity/policies.ts';

/**
 * Who takes a call's tables out of the hub: programme staff take every table; finance, who pays
 * the grants, takes the awards and the disbursements. Reviewers and partners take none.
 */
export function canExportCallTable(actor: Actor, what: string): Decision {
	if (hasRole(actor, 'admin', 'programme_officer')) return allow;
	if (hasRole(actor, 'finance') && (what === 'awards' || what === 'disbursements')) return allow;
	return deny('only programme staff export a call (finance: awards and disbursements)');
}

/** Bulk actions, reviewer workload and messages to applicants are the work of those who run calls. */
export const canRunCallsAtVolume = (actor: Actor): Decision =>
	hasRole(actor, 'admin', 'programme_officer') ? allow : deny('only programme officers and admins act on many applications at once');
