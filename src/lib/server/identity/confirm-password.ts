import { and, eq } from 'drizzle-orm';
import { verifyPassword } from 'better-auth/crypto';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { hitRateLimit, LIMITS, RateLimitedError } from './rate-limit.ts';
import { accounts } from './schema.ts';

/**
 * Proof that the person at the keyboard owns the account: the current password, entered again.
 * Limited like sign-in, so a borrowed open session cannot be used to guess the password.
 */
export async function confirmPassword(db: Db, userId: string, password: unknown): Promise<void> {
	const wrong = () => new DomainError('INVALID_INPUT', m.privacy_wrong_password(), { password: [m.privacy_wrong_password()] });
	if (typeof password !== 'string' || !password) throw wrong();
	const r = await hitRateLimit(db, `confirm:user:${userId}`, LIMITS.signIn.max, LIMITS.signIn.windowSeconds);
	if (!r.allowed) throw new RateLimitedError(m.auth_rate_limited({ seconds: String(r.retryAfter) }), r.retryAfter);
	const [account] = await db
		.select({ hash: accounts.password })
		.from(accounts)
		.where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')))
		.limit(1);
	if (!account?.hash || !(await verifyPassword({ hash: account.hash, password }))) throw wrong();
}
