import { APIError, createAuthMiddleware } from 'better-auth/api';
import { LOCALES } from '../../roles.ts';
import { isTimeZone } from '../i18n.ts';
import { passwordProblem } from './password-policy.ts';

const NAME_MAX = 200;
const SETS_PASSWORD = new Set(['/sign-up/email', '/reset-password', '/change-password', '/set-password']);
const SETS_PROFILE = new Set(['/sign-up/email', '/update-user']);

/**
 * What the hub requires of any account, checked again inside the auth library whoever calls it:
 * the hub's pages check first (with messages per field); this keeps a future page, a tool or an
 * endpoint opened by mistake from storing a password the hub refuses or a profile that breaks
 * every page for its owner (a 100,000-character name filled 36 cookies; a time zone `Not/AZone`
 * made the date formatter fail).
 */
export function profileProblem(body: Record<string, unknown>): string | null {
	if ('name' in body && (typeof body.name !== 'string' || !body.name.trim() || body.name.length > NAME_MAX)) return 'name';
	if ('locale' in body && !(LOCALES as readonly unknown[]).includes(body.locale)) return 'locale';
	if ('timeZone' in body && (typeof body.timeZone !== 'string' || !isTimeZone(body.timeZone))) return 'timeZone';
	if ('image' in body && body.image != null) return 'image';
	return null;
}

export const enforceHubRules = createAuthMiddleware(async (ctx) => {
	const body = (ctx.body ?? {}) as Record<string, unknown>;
	if (SETS_PASSWORD.has(ctx.path)) {
		const password = body.newPassword ?? body.password;
		const problem = typeof password === 'string' ? passwordProblem(password) : 'length';
		if (problem) throw new APIError('BAD_REQUEST', { code: 'PASSWORD_POLICY', message: `password refused: ${problem}` });
	}
	if (SETS_PROFILE.has(ctx.path)) {
		const field = profileProblem(body);
		if (field) throw new APIError('BAD_REQUEST', { code: 'PROFILE_POLICY', message: `${field} refused` });
	}
});
