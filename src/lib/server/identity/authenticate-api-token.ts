import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from './actor.ts';
import { hashApiToken, TOKEN_PREFIX } from './create-api-token.ts';
import { buildActor } from './load-actor.ts';
import { membershipsOfUser, needToKnowOfUser } from './read-session.ts';
import { apiTokens, users } from './schema.ts';

/**
 * The actor behind a bearer token, or null. A token stops working when revoked, expired, or when
 * its owner is no longer staff. last_used_at is written at most once a minute to spare the database.
 */
const TOKEN_ROLES: readonly string[] = ['admin', 'programme_officer', 'reviewer', 'finance'];

// The token, its owner, their memberships and need-to-know list in one statement, built once per
// database (every API call runs it) and kept parsed by PostgreSQL.
function tokenStatement(db: Db) {
	return db
		.select({
			id: apiTokens.id,
			lastUsedAt: apiTokens.lastUsedAt,
			user: { id: users.id, name: users.name, email: users.email, role: users.role, locale: users.locale, timeZone: users.timeZone, twoFactorEnabled: users.twoFactorEnabled },
			memberships: membershipsOfUser,
			needToKnow: needToKnowOfUser
		})
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.where(
			and(
				eq(apiTokens.tokenHash, sql.placeholder('hash')),
				isNull(apiTokens.revokedAt),
				or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder('now')))
			)
		)
		.limit(1)
		.prepare('authenticate_api_token');
}
const prepared = new WeakMap<Db, ReturnType<typeof tokenStatement>>();

export async function authenticateApiToken(db: Db, token: string): Promise<Actor | null> {
	if (!token.startsWith(TOKEN_PREFIX)) return null;
	const now = new Date();
	let statement = prepared.get(db);
	if (!statement) prepared.set(db, (statement = tokenStatement(db)));
	const [row] = await statement.execute({ hash: hashApiToken(token), now: now.toISOString() });
	if (!row) return null;
	const actor = buildActor(row.user, 'token', { secondFactorRule: true }, row.memberships, row.needToKnow);
	// Staff whose role waits for a second factor still authenticate, so that the API can say why it refuses (403).
	const held = actor.kind === 'user' ? (actor.secondFactorMissingFor ?? actor.role) : null;
	if (!held || !TOKEN_ROLES.includes(held)) return null;
	if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
		await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
	return actor;
}
