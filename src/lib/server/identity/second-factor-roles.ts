import { m } from '#lib/paraglide/messages.js';
import { ROLES, type Role } from '../../roles.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from './actor.ts';

/** Roles whose holders must have a second factor before they use the hub: by default those who run it. */
export const DEFAULT_SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'programme_officer'];

let required: ReadonlySet<Role> = new Set(DEFAULT_SECOND_FACTOR_ROLES);

/** Set once at start from `STAFF_TWO_FACTOR_ROLES`. */
export function configureSecondFactorRoles(roles: readonly Role[]): void {
	required = new Set(roles);
}

export const secondFactorRequiredFor = (role: string): boolean => required.has(role as Role);

/**
 * Reads `STAFF_TWO_FACTOR_ROLES`: a comma-separated list of roles, or `none`. Unset means the
 * default (admin, programme_officer). An unknown role is a configuration error, not a silent gap.
 */
export function parseSecondFactorRoles(value: string | undefined): Role[] | string {
	if (value === undefined) return [...DEFAULT_SECOND_FACTOR_ROLES];
	const names = value.split(',').map((s) => s.trim()).filter(Boolean);
	if (names.length === 1 && names[0] === 'none') return [];
	const unknown = names.filter((n) => !(ROLES as readonly string[]).includes(n));
	if (unknown.length) return `STAFF_TWO_FACTOR_ROLES names unknown roles: ${unknown.join(', ')} (known: ${ROLES.join(', ')}, or none)`;
	return names as Role[];
}

/** Whether this person holds a role that needs a second factor they have not set up yet. */
export const lacksRequiredSecondFactor = (actor: Actor): boolean => actor.kind === 'user' && !!actor.secondFactorMissingFor;

/** Turning the second factor off is refused while one's role needs it. */
export function ensureMayTurnOffSecondFactor(actor: Actor): void {
	if (actor.kind === 'user' && secondFactorRequiredFor(actor.role)) throw new DomainError('FORBIDDEN', m.second_factor_cannot_disable());
}
