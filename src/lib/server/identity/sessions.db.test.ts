import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import type { Database } from '../db/client.ts';
import { makeUser } from '../seed/factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import type { UserActor } from './actor.ts';
import { createAuth, type Auth } from './auth.ts';
import { authenticateApiToken } from './authenticate-api-token.ts';
import { createApiToken } from './create-api-token.ts';
import { endOtherSessions, endSession } from './end-session.ts';
import { endUserSessions } from './end-user-sessions.ts';
import { grantRole } from './grant-role.ts';
import { listSessions } from './list-sessions.ts';
import { loadActor } from './load-actor.ts';
import { sessions } from './schema.ts';

let database: Database;
let auth: Auth;
const PASSWORD = 'a long enough pass';

beforeAll(async () => {
	database = await freshDatabase();
	auth = createAuth({ db: database.db, secret: 'a-test-secret-that-is-long-enough-123456', baseURL: 'http://hub.test' });
});
afterAll(() => database.close());

/** Signs in as a browser would and returns the Cookie header that browser would send back. */
async function browserSignIn(email: string, userAgent = 'TestBrowser/1.0') {
	const res = await auth.api.signInEmail({ body: { email, password: PASSWORD }, headers: new Headers({ 'user-agent': userAgent }), returnHeaders: true });
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
	return new Headers({ cookie: cookies.join('; '), 'user-agent': userAgent });
}
const whoIs = async (headers: Headers) => (await auth.api.getSession({ headers }))?.user.id ?? null;
// As right after signing in: the proof of identity is fresh.
const me = async (userId: string) => ({ ...((await loadActor(database.db, userId, 'session')) as UserActor), provenAt: new Date() });

describe('sign-out means out', () => {
	it('a copy of the cookies is refused on the very next request after signing out', async () => {
		const u = await makeUser(database.db, { password: PASSWORD });
		const browser = await browserSignIn(u.email);
		const copy = new Headers(browser);
		expect(await whoIs(copy)).toBe(u.id);
		await auth.api.signOut({ headers: browser });
		expect(await whoIs(copy)).toBeNull();
	});

	it('lists one\'s sessions with their devices, ends one, then every other one', async () => {
		const u = await makeUser(database.db, { password: PASSWORD });
		const laptop = await browserSignIn(u.email, 'Laptop/1');
		const phone = await browserSignIn(u.email, 'Phone/2');
		const tablet = await browserSignIn(u.email, 'Tablet/3');
		const current = (await auth.api.getSession({ headers: laptop }))!.session.id;
		const list = await listSessions(database.db, await me(u.id), current);
		expect(list.map((s) => s.userAgent).sort()).toEqual(['Laptop/1', 'Phone/2', 'Tablet/3']);
		expect(list.filter((s) => s.current).map((s) => s.userAgent)).toEqual(['Laptop/1']);

		const phoneId = list.find((s) => s.userAgent === 'Phone/2')!.id;
		await endSession(database.db, await me(u.id), phoneId);
		expect(await whoIs(phone)).toBeNull();
		expect(await whoIs(tablet)).toBe(u.id);

		expect(await endOtherSessions(database.db, await me(u.id), current)).toBe(1);
		expect(await whoIs(tablet)).toBeNull();
		expect(await whoIs(laptop)).toBe(u.id);
	});

	it('someone else\'s session cannot be ended through one\'s own list (404, nothing changed)', async () => {
		const owner = await makeUser(database.db, { password: PASSWORD });
		const other = await makeUser(database.db, { password: PASSWORD });
		const browser = await browserSignIn(owner.email);
		const id = (await auth.api.getSession({ headers: browser }))!.session.id;
		expect(await outcome(async () => endSession(database.db, await me(other.id), id))).toBe('NOT_FOUND');
		expect(await whoIs(browser)).toBe(owner.id);
	});

	it('an admin ends every session and API token of a person; others may not', async () => {
		const admin = await actorFor(database.db, 'admin');
		const officer = await actorFor(database.db, 'programme_officer');
		const u = await makeUser(database.db, { password: PASSWORD, role: 'programme_officer' });
		const browser = await browserSignIn(u.email);
		const { token } = await createApiToken(database.db, await me(u.id), { name: 'laptop script' });

		expect(await outcome(() => endUserSessions(database.db, officer, u.id))).toBe('FORBIDDEN');
		expect(await whoIs(browser)).toBe(u.id);
		expect(await authenticateApiToken(database.db, token)).not.toBeNull();

		expect(await endUserSessions(database.db, admin, u.id)).toEqual({ sessions: 1, tokens: 1 });
		expect(await whoIs(browser)).toBeNull();
		expect(await authenticateApiToken(database.db, token)).toBeNull();
		const events = await database.db.select().from(activityEvents).where(eq(activityEvents.subjectId, u.id));
		expect(events.map((e) => e.action)).toContain('session.ended_by_admin');
		expect(await outcome(() => endUserSessions(database.db, admin, 'no-such-user'))).toBe('NOT_FOUND');
	});

	it('a role change is seen on the very next request of a signed-in browser', async () => {
		const admin = await actorFor(database.db, 'admin');
		const u = await makeUser(database.db, { password: PASSWORD, role: 'reviewer' });
		const browser = await browserSignIn(u.email);
		expect(((await auth.api.getSession({ headers: browser }))!.user as { role: string }).role).toBe('reviewer');
		await grantRole(database.db, admin, u.id, 'member');
		expect(((await auth.api.getSession({ headers: browser }))!.user as { role: string }).role).toBe('member');
	});

	it('a password reset signs every browser out at once', async () => {
		const u = await makeUser(database.db, { password: PASSWORD });
		const browser = await browserSignIn(u.email);
		const ctx = await auth.$context;
		const token = 'reset-' + crypto.randomUUID();
		await ctx.internalAdapter.createVerificationValue({ identifier: `reset-password:${token}`, value: u.id, expiresAt: new Date(Date.now() + 60_000) });
		await auth.api.resetPassword({ body: { token, newPassword: 'another long password' } });
		expect(await whoIs(browser)).toBeNull();
		expect(await database.db.select().from(sessions).where(eq(sessions.userId, u.id))).toEqual([]);
	});
});
