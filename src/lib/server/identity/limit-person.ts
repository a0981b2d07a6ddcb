import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from './actor.ts';
import { hitRateLimit, LIMITS, RateLimitedError } from './rate-limit.ts';

const MESSAGES = {
	uploads: (minutes: string) => m.limit_uploads({ minutes }),
	invitations: (minutes: string) => m.limit_invitations({ minutes })
};

/**
 * Counts one file stored or one invitation sent by the person, whatever the page or API they use,
 * and refuses with 429 (and the wait) past the limit: room for a busy day, a wall for a script.
 */
export async function limitPerPerson(db: DbOrTx, actor: Actor, what: 'uploads' | 'invitations'): Promise<void> {
	if (actor.kind !== 'user') return;
	const rule = LIMITS[what];
	const r = await hitRateLimit(db, `${what}:user:${actor.userId}`, rule.max, rule.windowSeconds);
	if (!r.allowed) throw new RateLimitedError(MESSAGES[what](String(Math.ceil(r.retryAfter / 60))), r.retryAfter);
}
