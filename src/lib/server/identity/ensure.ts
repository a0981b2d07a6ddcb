import { m } from '#lib/paraglide/messages.js';
import { DomainError } from '../errors.ts';
import type { Decision } from '../identity/policies.ts';

/** Turns a policy's refusal into the domain error the edge maps to 403. */
export function ensure(decision: Decision): void {
	if (!decision.allowed) throw new DomainError('FORBIDDEN', m.e_forbidden());
}
