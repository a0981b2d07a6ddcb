import type { StrategyRole } from '../../toolkit-codes.ts';
import { isStaff, isUser, membershipIn, type Actor } from '../identity/actor.ts';
import { allow, deny, type Decision } from '../identity/policies.ts';
import { entitledToIdentity } from '../directory/partner-label.ts';

type StrategyRef = { organisationId: string; sensitive?: boolean };

/**
 * A strategy is the organisation's private working document: its members and staff see it —
 * for a sensitive partner, only staff entitled to its identity (`sensitive` unknown counts as
 * sensitive, so a caller that does not say is refused rather than shown too much).
 */
export function canSeeStrategy(actor: Actor, s: StrategyRef): Decision {
	if (membershipIn(actor, s.organisationId)) return allow;
	if (isStaff(actor) && entitledToIdentity(actor, { id: s.organisationId, sensitive: s.sensitive ?? true })) return allow;
	return deny('only the organisation’s members and staff see its strategies');
}

/**
 * Owners of the organisation and the strategy's editors write; other members read. Staff advise
 * and read, but the strategy stays the team's own (decision 031).
 */
export function canEditStrategy(actor: Actor, s: StrategyRef, role: StrategyRole | null): Decision {
	if (membershipIn(actor, s.organisationId) === 'owner') return allow;
	if (membershipIn(actor, s.organisationId) && role === 'editor') return allow;
	return deny('only the strategy’s editors change it');
}

/** Any member of an organisation may start a strategy for it, and becomes its editor. */
export function canCreateStrategy(actor: Actor, organisationId: string): Decision {
	return membershipIn(actor, organisationId) ? allow : deny('only the organisation’s members start its strategies');
}

/** Editors decide who else edits; the organisation's owners always may. */
export const canManageCollaborators = canEditStrategy;

/** Starting a mini-grant application speaks for the organisation: an editor does it. */
export const canHandOffStrategy = canEditStrategy;

/** The library and the FAQ are kept by staff; everyone may read them (decision 032). */
export function canManageLibrary(actor: Actor): Decision {
	return isUser(actor) && isStaff(actor) ? allow : deny('only staff manage the library and the FAQ');
}
