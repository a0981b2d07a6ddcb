import { isStaff, type Actor } from '../identity/actor.ts';
import { allow, deny, type Decision } from '../identity/policies.ts';

/** The hub-wide search is a staff tool; partners and outside reviewers find their own work from their home. */
export const canSearchHub = (actor: Actor): Decision => (isStaff(actor) ? allow : deny('only staff search the whole hub'));
