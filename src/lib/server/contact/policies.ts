import { hasRole, type Actor } from '../identity/actor.ts';
import { allow, deny, type Decision } from '../identity/policies.ts';

/** The inbox is for the staff who run the support: programme officers and admins. */
export const canUseInbox = (actor: Actor): Decision =>
	hasRole(actor, 'admin', 'programme_officer') ? allow : deny('only programme staff read the contact inbox');
