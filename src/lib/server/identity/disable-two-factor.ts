import { parseInput } from '../validate.ts';
import type { Actor } from './actor.ts';
import { ensureMayTurnOffSecondFactor } from './second-factor-roles.ts';
import { passwordInput } from './account-schemas.ts';
import { fromAuthError } from './auth-errors.ts';
import type { Auth } from './auth.ts';

/** Turns two-step verification off, with the password typed again; refused while the person's role needs it. */
export async function disableTwoFactor(auth: Auth, actor: Actor, raw: unknown, headers: Headers) {
	ensureMayTurnOffSecondFactor(actor);
	const { password } = parseInput(passwordInput, raw);
	try {
		await auth.api.disableTwoFactor({ body: { password }, headers });
	} catch (e) {
		fromAuthError(e);
	}
}
