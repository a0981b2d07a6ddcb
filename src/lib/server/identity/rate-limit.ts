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
	await sweepRateLimits(db);
	const retryAfter = Math.max(1, Math.ceil((row.windowStartedAt.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
	return { allowed: row.count <= max, retryAfter };
}

/** Expired counters are swept now and then (one count in a hundred), so the table stays the size of current traffic. */
export async function sweepRateLimits(db: DbOrTx) {
	if (Math.random() < 0.01) await db.delete(rateLimits).where(sql`${rateLimits.windowStartedAt} < now() - interval '1 day'`);
}

/** The key a personal API token's requests are counted under, before the token's hash. */
export const API_TOKEN_KEY = 'api:token:';

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

/**
 * A run of wrong answers from one source, with a growing wait: the first `free` attempts are judged
 * at once, then each further one only after 1, 2, 4, 8 … seconds (at most `maxWaitSeconds`) since
 * the previous one. Each attempt is counted before it is judged, so parallel requests cannot all
 * slip in; the caller clears the run on a success. A run is forgotten after `windowSeconds` quiet.
 * Returns null when the attempt may be judged now, else the seconds to wait.
 */
export async function takeBackoffTurn(db: DbOrTx, key: string, rule: { free: number; maxWaitSeconds: number; windowSeconds: number }) {
	const now = new Date();
	const stale = new Date(now.getTime() - rule.windowSeconds * 1000).toISOString();
	// The wait after n counted attempts: none up to `free`, then 2^(n - free) seconds, capped.
	const waitAfter = (n: unknown) =>
		sql`CASE WHEN ${n} < ${rule.free} THEN 0 ELSE LEAST(${rule.maxWaitSeconds}, POWER(2, LEAST(${n} - ${rule.free}, 30))) END`;
	const [row] = await db
		.insert(rateLimits)
		.values({ key, count: 1, windowStartedAt: now })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`CASE WHEN ${rateLimits.windowStartedAt} < ${stale}::timestamptz THEN 1 ELSE ${rateLimits.count} + 1 END`,
				windowStartedAt: sql`${now.toISOString()}::timestamptz`
			},
			// Only when the wait since the last attempt is over (or the run went quiet) is this one taken.
			setWhere: sql`${rateLimits.windowStartedAt} < ${stale}::timestamptz OR ${rateLimits.windowStartedAt} + make_interval(secs => ${waitAfter(rateLimits.count)}) <= ${now.toISOString()}::timestamptz`
		})
		.returning({ count: rateLimits.count });
	if (row) return null;
	const [current] = await db
		.select({ count: rateLimits.count, last: rateLimits.windowStartedAt })
		.from(rateLimits)
		.where(sql`${rateLimits.key} = ${key}`);
	if (!current) return null;
	const wait = current.count < rule.free ? 0 : Math.min(rule.maxWaitSeconds, 2 ** Math.min(current.count - rule.free, 30));
	return Math.max(1, Math.ceil((current.last.getTime() + wait * 1000 - now.getTime()) / 1000));
}

/** Limits the sign-in and password-reset forms enforce: per address and per e-mail. */
export const LIMITS = {
	/** Sign-in attempts per address a minute, right or wrong. */
	signIn: { max: 5, windowSeconds: 60 },
	/**
	 * Wrong passwords in a row from one address: after `free`, each further try waits twice as long
	 * as the one before. The guesser slows down; the owner, elsewhere, does not.
	 */
	signInBackoff: { free: 5, maxWaitSeconds: 15 * 60, windowSeconds: 60 * 60 },
	/**
	 * Wrong passwords for one account, from any addresses, in 15 minutes: a ceiling on a botnet
	 * sharing out guesses. A browser where the owner signed in before is not held by it.
	 */
	signInAccount: { max: 20, windowSeconds: 15 * 60 },
	/** Invitations one person sends in an hour. */
	invitations: { max: 30, windowSeconds: 60 * 60 },
	/** Files one person stores in ten minutes, through any form. */
	uploads: { max: 30, windowSeconds: 10 * 60 },
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
	/** Requests to change one's e-mail address an hour (each mails two addresses). */
	emailChange: { max: 3, windowSeconds: 60 * 60 },
	/** Passkey challenges one address asks for a minute (each is a stored row). */
	passkeyOptions: { max: 30, windowSeconds: 60 },
	/** Requests per personal API token: generous for a script, a wall for a runaway loop or a stolen token. */
	apiToken: { max: 600, windowSeconds: 60 }
};

/**
 * Set once at start from configuration (journeys sign in more often than a person would, and the
 * load bench sends thousands of API calls a minute with one token).
 */
export function configureLimits(signInPerMinute: number, apiRequestsPerMinute = 600) {
	LIMITS.apiToken.max = apiRequestsPerMinute;
	LIMITS.signIn.max = signInPerMinute;
	LIMITS.signInBackoff.free = Math.max(5, signInPerMinute);
	LIMITS.signInAccount.max = Math.max(20, signInPerMinute);
	LIMITS.twoFactor.max = Math.max(5, signInPerMinute);
	LIMITS.signUp.max = Math.max(5, signInPerMinute);
	LIMITS.reset.max = Math.max(3, Math.ceil(signInPerMinute / 2));
	LIMITS.guestRegistrationPerAddress.max = Math.max(20, signInPerMinute);
	LIMITS.linkAgainPerAddress.max = Math.max(20, signInPerMinute);
	LIMITS.passkeyOptions.max = Math.max(30, signInPerMinute);
}
