import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from './actor.ts';
import { hashApiToken, TOKEN_PREFIX } from './create-api-token.ts';
import { buildActor } from './load-actor.ts';
import { membershipsOfUser, needToKnowOfUser } from './read-session.ts';
import { API_TOKEN_KEY, LIMITS, sweepRateLimits } from './rate-limit.ts';
import { apiTokens, rateLimits, users } from './schema.ts';

/**
 * The actor behind a bearer token, or null. A token stops working when revoked, expired, or when
 * its owner is no longer staff. last_used_at is written at most once a minute to spare the database.
 */
const TOKEN_ROLES: readonly string[] = ['admin', 'programme_officer', 'reviewer', 'finance'];

// The token, its owner, their memberships and need-to-know list in one statement, built once per
// database (every API call runs it) and kept parsed by PostgreSQL. Counted, the same statement also
// counts the request against the token's limit (`hitRateLimit`'s fixed window, keyed by the token's
// hash), so an API call sends one statement where it sent two; only a token that exists, is not
// revoked and has not expired is counted, so made-up tokens leave no rows behind.
function tokenStatement(db: Db, counted: boolean) {
	const valid = and(
		eq(apiTokens.tokenHash, sql.placeholder('hash')),
		isNull(apiTokens.revokedAt),
		or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder('now')))
	);
	const hit = db.$with('hit', { count: sql<number>`count`, startedMs: sql<number>`started_ms` }).as(
		sql`INSERT INTO ${rateLimits} (${sql.identifier('key')}, ${sql.identifier('count')}, ${sql.identifier('window_started_at')})
			SELECT ${sql.placeholder('key')}, 1, ${sql.placeholder('now')}::timestamptz WHERE EXISTS (SELECT 1 FROM ${apiTokens} WHERE ${valid})
			ON CONFLICT (${sql.identifier('key')}) DO UPDATE SET
				${sql.identifier('count')} = CASE WHEN ${rateLimits.windowStartedAt} < ${sql.placeholder('windowStart')}::timestamptz THEN 1 ELSE ${rateLimits.count} + 1 END,
				${sql.identifier('window_started_at')} = CASE WHEN ${rateLimits.windowStartedAt} < ${sql.placeholder('windowStart')}::timestamptz THEN ${sql.placeholder('now')}::timestamptz ELSE ${rateLimits.windowStartedAt} END
			RETURNING ${rateLimits.count} AS count, extract(epoch FROM ${rateLimits.windowStartedAt}) * 1000 AS started_ms`
	);
	const columns = {
		id: apiTokens.id,
		lastUsedAt: apiTokens.lastUsedAt,
		user: { id: users.id, name: users.name, email: users.email, role: users.role, locale: users.locale, timeZone: users.timeZone, twoFactorEnabled: users.twoFactorEnabled },
		memberships: membershipsOfUser,
		needToKnow: needToKnowOfUser
	};
	const counts = {
		hitCount: sql<number | null>`(SELECT count FROM hit)`.mapWith(Number),
		hitStartedMs: sql<number | null>`(SELECT started_ms FROM hit)`.mapWith(Number)
	};
	const query = counted ? db.with(hit).select({ ...columns, ...counts }) : db.select({ ...columns, hitCount: sql<null>`NULL`, hitStartedMs: sql<null>`NULL` });
	return query
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.where(valid)
		.limit(1)
		.prepare(counted ? 'authenticate_api_request' : 'authenticate_api_token');
}
const prepared = new WeakMap<Db, Partial<Record<'counted' | 'plain', ReturnType<typeof tokenStatement>>>>();

/** The actor behind a bearer token, or null (nothing is counted: see `authenticateApiRequest`). */
export async function authenticateApiToken(db: Db, token: string): Promise<Actor | null> {
	return (await authenticate(db, token, false)).actor;
}

/**
 * An API call's bearer token: who it acts for (or null), and, when the token is over its limit
 * (`LIMITS.apiToken`), the seconds to wait before the next call; the call is counted either way.
 */
export async function authenticateApiRequest(db: Db, token: string): Promise<{ actor: Actor | null; wait: number | null }> {
	return authenticate(db, token, true);
}

async function authenticate(db: Db, token: string, counted: boolean): Promise<{ actor: Actor | null; wait: number | null }> {
	if (!token.startsWith(TOKEN_PREFIX)) return { actor: null, wait: null };
	const now = new Date();
	let statements = prepared.get(db);
	if (!statements) prepared.set(db, (statements = {}));
	const statement = (statements[counted ? 'counted' : 'plain'] ??= tokenStatement(db, counted));
	const hash = hashApiToken(token);
	const { max, windowSeconds } = LIMITS.apiToken;
	const [row] = await statement.execute({
		hash,
		now: now.toISOString(),
		key: `${API_TOKEN_KEY}${hash}`,
		windowStart: new Date(now.getTime() - windowSeconds * 1000).toISOString()
	});
	if (!row) return { actor: null, wait: null };
	if (counted) await sweepRateLimits(db);
	const wait =
		row.hitCount !== null && row.hitStartedMs !== null && row.hitCount > max
			? Math.max(1, Math.ceil((row.hitStartedMs + windowSeconds * 1000 - now.getTime()) / 1000))
			: null;
	const actor = buildActor(row.user, 'token', { secondFactorRule: true }, row.memberships, row.needToKnow);
	// Staff whose role waits for a second factor still authenticate, so that the API can say why it refuses (403).
	const held = actor.kind === 'user' ? (actor.secondFactorMissingFor ?? actor.role) : null;
	if (!held || !TOKEN_ROLES.includes(held)) return { actor: null, wait: null };
	if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
		await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
	return { actor, wait };
}
