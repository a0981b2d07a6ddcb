import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { MembershipRole } from '../../roles.ts';
import type { Db } from '../db/types.ts';
import { memberships, needToKnow } from '../directory/schema.ts';
import { notifications } from '../notifications/schema.ts';
import type { UserRow } from './load-actor.ts';
import { sessions, users } from './schema.ts';

/** What better-auth's context tells about its cookies and sessions (`auth.$context`). */
export type SessionSettings = {
	secret: string;
	authCookies: { sessionToken: { name: string }; sessionData: { name: string }; dontRememberToken: { name: string } };
	sessionConfig: { expiresIn: number; updateAge: number };
};

export type SessionRead = {
	session: { id: string; createdAt: Date; provenAt: Date | null; passkeyAt: Date | null };
	user: UserRow;
	memberships: [string, MembershipRole][];
	needToKnow: string[];
	unread: number;
};

/** The person's memberships as [organisation id, role] pairs, as a subquery on `users` (in a select that joins it). */
export const membershipsOfUser = sql<[string, MembershipRole][]>`(select coalesce(json_agg(json_build_array(${memberships.organisationId}, ${memberships.role})), '[]'::json) from ${memberships} where ${memberships.userId} = ${users.id})`;
/** The sensitive partners whose need-to-know list names the person, likewise. */
export const needToKnowOfUser = sql<string[]>`(select coalesce(json_agg(${needToKnow.organisationId}), '[]'::json) from ${needToKnow} where ${needToKnow.userId} = ${users.id})`;

function sessionStatement(db: Db) {
	return db
		.select({
			id: sessions.id,
			expiresAt: sessions.expiresAt,
			createdAt: sessions.createdAt,
			provenAt: sessions.provenAt,
			passkeyAt: sessions.passkeyAt,
			user: {
				id: users.id,
				name: users.name,
				email: users.email,
				role: users.role,
				locale: users.locale,
				timeZone: users.timeZone,
				twoFactorEnabled: users.twoFactorEnabled
			},
			memberships: membershipsOfUser,
			needToKnow: needToKnowOfUser,
			unread: sql<number>`(${db
				.select({ n: count() })
				.from(notifications)
				.where(and(eq(notifications.userId, users.id), isNull(notifications.readAt)))})`.mapWith(Number)
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.token, sql.placeholder('token')))
		.limit(1)
		.prepare('read_session');
}

// Every signed-in request runs this statement: its SQL is built once per database rather than on
// each request (Drizzle took a few tenths of a millisecond to build it), and PostgreSQL keeps it
// parsed per connection.
const prepared = new WeakMap<Db, ReturnType<typeof sessionStatement>>();

/**
 * The session behind a token, with its person, their memberships, their need-to-know list and
 * their unread notices: one statement where reading them one by one took five.
 */
export async function readSession(db: Db, token: string) {
	let statement = prepared.get(db);
	if (!statement) prepared.set(db, (statement = sessionStatement(db)));
	const [row] = await statement.execute({ token });
	return row ?? null;
}

// Cookies whose signature was checked, with the value they carry: a browser sends the same cookie
// on every page, so its HMAC is computed once rather than on each request. Only exact strings that
// passed the check are kept (a session's validity is still read from the database every time), and
// the memory is bounded by starting afresh when full.
const VERIFIED_LIMIT = 10_000;
const verified = new Map<string, string>();

/** better-call's signed cookie value: `value.base64(HMAC-SHA256(value, secret))`. */
function verifiedValue(signed: string, secret: string): string | null {
	const known = verified.get(`${secret}\n${signed}`);
	if (known !== undefined) return known;
	const value = checkSignature(signed, secret);
	if (value !== null) {
		if (verified.size >= VERIFIED_LIMIT) verified.clear();
		verified.set(`${secret}\n${signed}`, value);
	}
	return value;
}

function checkSignature(signed: string, secret: string): string | null {
	const dot = signed.lastIndexOf('.');
	if (dot < 1) return null;
	const value = signed.slice(0, dot);
	const signature = signed.slice(dot + 1);
	if (signature.length !== 44 || !signature.endsWith('=')) return null;
	const expected = createHmac('sha256', secret).update(value).digest();
	const given = Buffer.from(signature, 'base64');
	return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}

/**
 * A signed-in request's session in one statement, when nothing about it needs the auth library:
 * the cookie is signed by the hub, the session exists, has not expired and is not due for its daily
 * refresh, and no leftover cookie needs clearing. Anything else answers `null`, and the caller asks
 * the auth library, which then does exactly what it always did (refreshes, clears cookies, deletes
 * an expired session). Like the library, every call reads the database: a session ended elsewhere
 * is refused at once (decision 037).
 */
export async function readSessionFast(
	db: Db,
	settings: SessionSettings,
	cookie: (name: string) => string | undefined,
	now = Date.now()
): Promise<SessionRead | null> {
	const { authCookies, sessionConfig, secret } = settings;
	if (cookie(authCookies.sessionData.name) !== undefined || cookie(authCookies.dontRememberToken.name) !== undefined) return null;
	const signed = cookie(authCookies.sessionToken.name);
	const token = signed ? verifiedValue(signed, secret) : null;
	if (!token) return null;
	const row = await readSession(db, token);
	if (!row) return null;
	const expiresAt = row.expiresAt.getTime();
	if (expiresAt <= now) return null;
	// better-auth moves the expiry forward once the session is older than updateAge: leave that to it.
	if (expiresAt - sessionConfig.expiresIn * 1000 + sessionConfig.updateAge * 1000 <= now) return null;
	return {
		session: { id: row.id, createdAt: row.createdAt, provenAt: row.provenAt, passkeyAt: row.passkeyAt },
		user: row.user,
		memberships: row.memberships,
		needToKnow: row.needToKnow,
		unread: row.unread
	};
}
