import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { parseInput } from '../validate.ts';
import { emailInput } from './account-schemas.ts';
import type { Auth } from './auth.ts';
import { inAuthTransaction } from './auth-transaction.ts';
import { hitRateLimit, LIMITS, RateLimitedError } from './rate-limit.ts';

/**
 * Always answers the same way, whether or not the address has an account, so accounts cannot be
 * discovered. The reset token and its mail are written in one transaction.
 */
export async function requestPasswordReset(db: Db, auth: Auth, raw: unknown, ip: string) {
	const { email } = parseInput(emailInput, raw);
	for (const key of [`reset:ip:${ip}`, `reset:email:${email.toLowerCase()}`]) {
		const r = await hitRateLimit(db, key, LIMITS.reset.max, LIMITS.reset.windowSeconds);
		if (!r.allowed) throw new RateLimitedError(m.auth_rate_limited({ seconds: String(r.retryAfter) }), r.retryAfter);
	}
	await inAuthTransaction(db, () => auth.api.requestPasswordReset({ body: { email: email.toLowerCase(), redirectTo: '/reset-password' } }));
}
