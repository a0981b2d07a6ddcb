import { parseInput } from '../validate.ts';
import { passwordInput } from './account-schemas.ts';
import { fromAuthError } from './auth-errors.ts';
import type { Auth } from './auth.ts';

export async function disableTwoFactor(auth: Auth, raw: unknown, headers: Headers) {
	const { password } = parseInput(passwordInput, raw);
	try {
		await auth.api.disableTwoFactor({ body: { password }, headers });
	} catch (e) {
		fromAuthError(e);
	}
}
