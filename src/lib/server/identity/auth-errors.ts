import { APIError } from 'better-auth/api';
import { m } from '#lib/paraglide/messages.js';
import { DomainError } from '../errors.ts';

/**
 * Whether `e` is the auth library's error. The built server can hold two copies of its class (one
 * bundled with the hub, one imported by a plugin), so the class is also recognised by its name.
 */
export function isAuthLibraryError(e: unknown): e is APIError {
	return e instanceof APIError || (e instanceof Error && e.name === 'APIError' && 'status' in e);
}

/** better-auth's error codes, told to the person in their language. */
export function fromAuthError(e: unknown): never {
	if (!isAuthLibraryError(e)) throw e;
	const code = String((e.body as { code?: string } | undefined)?.code ?? '');
	if (code === 'INVALID_EMAIL_OR_PASSWORD' || code === 'INVALID_PASSWORD' || code === 'CREDENTIAL_ACCOUNT_NOT_FOUND')
		throw new DomainError('UNAUTHENTICATED', m.auth_invalid_credentials());
	if (code === 'EMAIL_NOT_VERIFIED') throw new DomainError('FORBIDDEN', m.auth_email_not_verified());
	if (code.startsWith('USER_ALREADY_EXISTS')) throw new DomainError('CONFLICT', m.auth_email_taken(), { email: [m.auth_email_taken()] });
	if (code === 'PASSWORD_TOO_SHORT' || code === 'PASSWORD_TOO_LONG')
		throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { password: [m.v_password_length()] });
	if (code === 'PASSWORD_POLICY')
		throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { password: [m.hardening_password_common()] });
	if (code === 'PROFILE_POLICY') throw new DomainError('INVALID_INPUT', m.e_invalid_input());
	if (code === 'INVALID_TOKEN' || code === 'TOKEN_EXPIRED') throw new DomainError('INVALID_INPUT', m.auth_link_expired());
	if (code.includes('CODE') || code.includes('OTP') || code.includes('TOTP'))
		throw new DomainError('INVALID_INPUT', m.auth_invalid_code(), { code: [m.auth_invalid_code()] });
	if (code.includes('TWO_FACTOR_COOKIE')) throw new DomainError('UNAUTHENTICATED', m.auth_two_factor_expired());
	if (e.status === 'TOO_MANY_REQUESTS') throw new DomainError('RATE_LIMITED', m.auth_rate_limited({ seconds: '60' }));
	throw new DomainError('INVALID_INPUT', m.auth_failed());
}
