import { parseInput } from '../validate.ts';
import { resetInput } from './account-schemas.ts';
import { fromAuthError } from './auth-errors.ts';
import type { Auth } from './auth.ts';

/** Sets a new password from a reset link; every existing session of that account ends. */
export async function resetPassword(auth: Auth, raw: unknown) {
	const { token, password } = parseInput(resetInput, raw);
	try {
		await auth.api.resetPassword({ body: { token, newPassword: password } });
	} catch (e) {
		fromAuthError(e);
	}
}
