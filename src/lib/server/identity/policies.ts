import type { Role } from '../../roles.ts';
import { hasRole, type Actor } from './actor.ts';

export type Decision = { allowed: true } | { allowed: false; reason: string };
export const allow: Decision = { allowed: true };
export const deny = (reason: string): Decision => ({ allowed: false, reason });

/** Only admins grant roles, and an admin cannot demote themself (the hub must keep an admin). */
export function canGrantRole(actor: Actor, targetUserId: string, role: Role): Decision {
	if (!hasRole(actor, 'admin')) return deny('only admins grant roles');
	if (actor.kind === 'user' && actor.userId === targetUserId && role !== 'admin') return deny('admins cannot remove their own admin role');
	return allow;
}

/** API tokens act with the owner's rights; only staff may hold them. */
export function canManageApiTokens(actor: Actor): Decision {
	return hasRole(actor, 'admin', 'programme_officer', 'reviewer', 'finance')
		? allow
		: deny('only staff create API tokens');
}

export const canReadOutbox = (actor: Actor): Decision =>
	hasRole(actor, 'admin') ? allow : deny('only admins read the outbox');
/** Whoever reads the outbox (mail bodies carry personal links) may send a failed message again. */
export const canRetryMail = (actor: Actor): Decision =>
	hasRole(actor, 'admin') ? allow : deny('only admins send mail again');
export const canListUsers = (actor: Actor): Decision =>
	hasRole(actor, 'admin') ? allow : deny('only admins manage users');
export const canEndUserSessions = (actor: Actor): Decision =>
	hasRole(actor, 'admin') ? allow : deny('only admins end other people\'s sessions');
