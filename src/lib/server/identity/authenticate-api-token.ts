import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from './actor.ts';
import { hashApiToken, TOKEN_PREFIX } from './create-api-token.ts';
import { loadActor } from './load-actor.ts';
import { apiTokens } from './schema.ts';

/**
 * The actor behind a bearer token, or null. A token stops working when revoked, expired, or when
 * its owner is no longer staff. last_used_at is written at most once a minute to spare the database.
 */
const TOKEN_ROLES: readonly string[] = ['admin', 'programme_officer', 'reviewer', 'finance'];

export async function authenticateApiToken(db: Db, token: string): Promise<Actor | null> {
	if (!token.startsWith(TOKEN_PREFIX)) return null;
	const now = new Date();
	const [row] = await db
		.select({ id: apiTokens.id, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt })
		.from(apiTokens)
		.where(
			and(
				eq(apiTokens.tokenHash, hashApiToken(token)),
				isNull(apiTokens.revokedAt),
				or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))
			)
		)
		.limit(1);
	if (!row) return null;
	const actor = await loadActor(db, row.userId, 'token', { secondFactorRule: true });
	// Staff whose role waits for a second factor still authenticate, so that the API can say why it refuses (403).
	const held = actor.kind === 'user' ? (actor.secondFactorMissingFor ?? actor.role) : null;
	if (!held || !TOKEN_ROLES.includes(held)) return null;
	if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
		await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
	return actor;
}
