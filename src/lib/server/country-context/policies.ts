import { hasRole, isStaff, type Actor } from '../identity/actor.ts';
import { allow, deny, type Decision } from '../identity/policies.ts';

/** Country datasets shape what assessors see, so only programme staff bring them in. */
export const canImportCountryData = (actor: Actor): Decision =>
	hasRole(actor, 'admin', 'programme_officer') ? allow : deny('only programme officers and admins import country datasets');

/** Every staff member may read the imports and their sources. */
export const canSeeCountryData = (actor: Actor): Decision => (isStaff(actor) ? allow : deny('only staff see country datasets'));
