import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { codeInput } from './account-schemas.ts';
import { fromAuthError } from './auth-errors.ts';
import type { Auth } from './auth.ts';
import { hitRateLimit, LIMITS } from './rate-limit.ts';

/** Second step of signing in, or the confirmation that turns two-factor on: a TOTP code. */
export async function verifyTwoFactor(db: Db, auth: Auth, raw: unknown, ctx: { ip: string; headers: Headers }) {
	const { code } = parseInput(codeInput, raw);
	const r = await hitRateLimit(db, `2fa:${ctx.ip}`, LIMITS.twoFactor.max, LIMITS.twoFactor.windowSeconds);
	if (!r.allowed) throw new DomainError('RATE_LIMITED', m.auth_rate_limited({ seconds: String(r.retryAfter) }));
	try {
		const result = await auth.api.verifyTOTP({ body: { code }, headers: ctx.headers });
		return { user: (result as { user: { id: string; locale?: string } }).user };
	} catch (e) {
		fromAuthError(e);
	}
}
