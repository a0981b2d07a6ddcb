import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { rateLimits } from './schema.ts';

/**
 * Counts one attempt against `key` in a fixed window and says whether it is within `max`.
 * One atomic upsert, so concurrent requests on several instances count correctly.
 */
export async function hitRateLimit(db: DbOrTx, key: string, max: number, windowSeconds: number) {
	const now = new Date();
	const windowStart = new Date(now.getTime() - windowSeconds * 1000);
	const [row] = await db
		.insert(rateLimits)
		.values({ key, count: 1, windowStartedAt: now })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`CASE WHEN ${rateLimits.windowStartedAt} < ${windowStart.toISOString()}::timestamptz THEN 1 ELSE ${rateLimits.count} + 1 END`,
				windowStartedAt: sql`CASE WHEN ${rateLimits.windowStartedAt} < ${windowStart.toISOString()}::timestamptz THEN ${now.toISOString()}::timestamptz ELSE ${rateLimits.windowStartedAt} END`
			}
		})
		.returning({ count: rateLimits.count, windowStartedAt: rateLimits.windowStartedAt });
	// Expired counters are swept now and then, so the table stays the size of current traffic.
	if (Math.random() < 0.01)
		await db.delete(rateLimits).where(sql`${rateLimits.windowStartedAt} < now() - interval '1 day'`);
	const retryAfter = Math.max(1, Math.ceil((row.windowStartedAt.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
	return { allowed: row.count <= max, retryAfter };
}

/** Forgets the attempts counted against `key` (a success ends a run of wrong tries). */
export async function clearRateLimit(db: DbOrTx, key: string) {
	await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}

/** A limit reached: 429, and how long to wait, for the edge to send as Retry-After. */
export class RateLimitedError extends DomainError {
	readonly retryAfter: number;
	constructor(message: string, retryAfter: number) {
		super('RATE_LIMITED', message);
		this.retryAfter = retryAfter;
	}
}

/** Limits the sign-in and password-reset forms enforce: per address and per e-mail. */
export const LIMITS = {
	signIn: { max: 5, windowSeconds: 60 },
	reset: { max: 3, windowSeconds: 15 * 60 },
	twoFactor: { max: 5, windowSeconds: 60 },
	/** Wrong two-step codes per account, from any address: six digits must not be guessable by a botnet. */
	twoFactorAccount: { max: 5, windowSeconds: 15 * 60 },
	signUp: { max: 5, windowSeconds: 10 * 60 },
	/** Guest event registrations per e-mail an hour (a person registers for a few events at most). */
	guestRegistration: { max: 5, windowSeconds: 60 * 60 },
	/** Guest event registrations per address an hour: room for a shared office connection. */
	guestRegistrationPerAddress: { max: 20, windowSeconds: 60 * 60 },
	/** "Send my link again" (event links, repeated sign-ups) per e-mail address an hour: no mail-bombing a stranger. */
	linkAgain: { max: 3, windowSeconds: 60 * 60 },
	/** The same per client address an hour. */
	linkAgainPerAddress: { max: 20, windowSeconds: 60 * 60 },
	/** Requests per personal API token: generous for a script, a wall for a runaway loop or a stolen token. */
	apiToken: { max: 600, windowSeconds: 60 }
};

/** Set once at start from configuration (journeys sign in more often than a person would). */
export function configureLimits(signInPerMinute: number) {
	LIMITS.signIn.max = signInPerMinute;
	LIMITS.twoFactor.max = Math.max(5, signInPerMinute);
	LIMITS.signUp.max = Math.max(5, signInPerMinute);
	LIMITS.reset.max = Math.max(3, Math.ceil(signInPerMinute / 2));
	LIMITS.guestRegistrationPerAddress.max = Math.max(20, signInPerMinute);
	LIMITS.linkAgainPerAddress.max = Math.max(20, signInPerMinute);
}
