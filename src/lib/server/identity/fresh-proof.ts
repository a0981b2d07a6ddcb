import { m } from '#lib/paraglide/messages.js';
import { DomainError } from '../errors.ts';
import type { Actor, UserActor } from './actor.ts';

/** How long a proof of identity (signing in, or confirming again) stays fresh. */
export const FRESH_PROOF_SECONDS = 10 * 60;

/** Whether the person proved who they are in this session within the last ten minutes. API tokens never have. */
export function hasFreshProof(actor: Actor, now = new Date()): boolean {
	if (actor.kind !== 'user' || actor.via !== 'session' || !actor.provenAt) return false;
	return now.getTime() - actor.provenAt.getTime() <= FRESH_PROOF_SECONDS * 1000;
}

/**
 * Guards what a borrowed open session or a stolen cookie must not do on its own: changing how the
 * account signs in, creating an API token, exporting personal data, deleting an account, changing a
 * role. Pages send the person to confirm and back; the API answers 403 FRESH_PROOF_REQUIRED.
 */
export function ensureFreshProof(actor: Actor, now = new Date()): void {
	if (!hasFreshProof(actor, now)) throw new DomainError('FRESH_PROOF_REQUIRED', m.auth_fresh_proof_required());
}

/** The same person, having just proved who they are within this request (their password typed again). */
export const withFreshProof = (actor: UserActor): UserActor => ({ ...actor, provenAt: new Date() });
