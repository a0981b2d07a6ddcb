import type { Db } from '../db/types.ts';
import { hashApiToken } from './create-api-token.ts';
import { hitRateLimit, LIMITS } from './rate-limit.ts';

/**
 * Counts one API request against its bearer token (in the shared table, so every instance counts
 * together); the seconds to wait when the token is over its limit, otherwise null. Keyed by the
 * token's hash, so the table never holds a usable token.
 */
export async function limitApiToken(db: Db, bearer: string): Promise<number | null> {
	const r = await hitRateLimit(db, `api:token:${hashApiToken(bearer)}`, LIMITS.apiToken.max, LIMITS.apiToken.windowSeconds);
	return r.allowed ? null : r.retryAfter;
}
