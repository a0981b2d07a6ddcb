import type { Db } from '../db/types.ts';
import { parseInput } from '../validate.ts';
import { signUpInput } from './account-schemas.ts';
import { fromAuthError } from './auth-errors.ts';
import type { Auth } from './auth.ts';
import { inAuthTransaction } from './auth-transaction.ts';
import { hitRateLimit, LIMITS, RateLimitedError } from './rate-limit.ts';
import { m } from '#lib/paraglide/messages.js';

/**
 * Creates the account and queues the verification mail in the same transaction (or, for an
 * address that has an account, the reminder to its owner); the person signs in after verifying.
 */
export async function signUp(db: Db, auth: Auth, raw: unknown, ip: string) {
	const input = parseInput(signUpInput, raw);
	const limit = await hitRateLimit(db, `signup:${ip}`, LIMITS.signUp.max, LIMITS.signUp.windowSeconds);
	if (!limit.allowed) throw new RateLimitedError(m.auth_rate_limited({ seconds: String(limit.retryAfter) }), limit.retryAfter);
	try {
		await inAuthTransaction(db, () =>
			auth.api.signUpEmail({
				body: { ...input, email: input.email.toLowerCase(), callbackURL: '/' }
			})
		);
	} catch (e) {
		fromAuthError(e);
	}
	return { email: input.email.toLowerCase() };
}
