import { hasRole, isUser, type Actor } from '../identity/actor.ts';
import { allow, deny, type Decision } from '../identity/policies.ts';

/** Admins erase anyone; anyone signed in erases themself (after confirming who they are). */
export function canErasePerson(actor: Actor, targetUserId: string): Decision {
	if (!isUser(actor)) return deny('sign in first');
	if (actor.userId === targetUserId) return allow;
	return hasRole(actor, 'admin') ? allow : deny('only admins erase other people');
}

/** One's own data only: an admin erasing someone does not download their data first. */
export const canExportOwnData = (actor: Actor): Decision => (isUser(actor) ? allow : deny('sign in first'));

export const canManageRetention = (actor: Actor): Decision =>
	hasRole(actor, 'admin') ? allow : deny('only admins set retention rules');
