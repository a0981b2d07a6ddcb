import { m } from '#lib/paraglide/messages.js';
import { DomainError } from '../errors.ts';
import type { Actor, UserActor } from '../identity/actor.ts';

/** Notifications belong to one person; every use case works only on the asker's own. */
export function signedIn(actor: Actor): UserActor {
	if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	return actor;
}
