import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { needToKnow } from '../directory/schema.ts';
import { countUnread } from '../notifications/list-notifications.ts';
import { notifications } from '../notifications/schema.ts';
import { makeOrganisation, makeUser } from '../seed/factories.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { createAuth, type Auth } from './auth.ts';
import { authenticateApiToken } from './authenticate-api-token.ts';
import { apiTokens } from './schema.ts';
import { hashApiToken, TOKEN_PREFIX } from './create-api-token.ts';
import { actorFromUser, buildActor, loadActor } from './load-actor.ts';
import { readSessionFast, type SessionSettings } from './read-session.ts';
import { sessions } from './schema.ts';

let database: Database;
let auth: Auth;
let settings: SessionSettings;
const PASSWORD = 'a long enough pass';

beforeAll(async () => {
	database = await freshDatabase();
	auth = createAuth({ db: database.db, secret: 'a-test-secret-that-is-long-enough-123456', baseURL: 'http://hub.test' });
	settings = (await auth.$context) as unknown as SessionSettings;
});
afterAll(() => database.close());

/** Signs in as a browser would; returns its Cookie header and a reader of its cookies. */
async function browserSignIn(email: string) {
	const res = await auth.api.signInEmail({ body: { email, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
	const header = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	return { headers: new Headers({ cookie: header }), cookie: reader(header) };
}
function reader(header: string) {
	const jar = new Map(header.split('; ').map((c) => [c.slice(0, c.indexOf('=')), decodeURIComponent(c.slice(c.indexOf('=') + 1))]));
	return (name: string) => jar.get(name);
}
const tokenCookie = () => settings.authCookies.sessionToken.name;

describe('reading the session in one statement', () => {
	it('finds what the auth library finds, with the memberships, need-to-know list and unread count the hub reads', async () => {
		const u = await makeUser(database.db, { password: PASSWORD, role: 'reviewer' });
		const own = await makeOrganisation(database.db, { members: [{ userId: u.id, role: 'owner' }] });
		const listed = await makeOrganisation(database.db, { sensitive: true });
		await database.db.insert(needToKnow).values({ organisationId: listed.id, userId: u.id });
		await database.db.insert(notifications).values([
			{ userId: u.id, category: 'assigned', subjectKind: 'request', subjectId: 'x', href: '/requests', delivery: 'in_app' },
			{ userId: u.id, category: 'assigned', subjectKind: 'request', subjectId: 'y', href: '/requests', delivery: 'in_app', readAt: new Date() }
		]);
		const browser = await browserSignIn(u.email);

		const fast = await readSessionFast(database.db, settings, browser.cookie);
		const library = await auth.api.getSession({ headers: browser.headers });
		expect(fast?.session.id).toBe(library?.session.id);
		expect(fast?.user.id).toBe(u.id);
		expect(fast?.unread).toBe(1);

		const opts = { secondFactorRule: true };
		const slow = await actorFromUser(database.db, library!.user as never, 'session', opts);
		const quick = buildActor(fast!.user, 'session', opts, fast!.memberships, fast!.needToKnow);
		expect(quick).toEqual(slow);
		expect(quick.kind === 'user' && [...quick.memberships]).toEqual([[own.id, 'owner']]);
		expect(quick.kind === 'user' && [...quick.needToKnow!]).toEqual([listed.id]);
		expect(fast?.unread).toBe(await countUnread(database.db, slow));
	});

	it('a programme officer waiting for a second factor acts as a member, exactly as through the library', async () => {
		const u = await makeUser(database.db, { password: PASSWORD, role: 'programme_officer' });
		const browser = await browserSignIn(u.email);
		const fast = await readSessionFast(database.db, settings, browser.cookie);
		const opts = { secondFactorRule: true };
		const quick = buildActor(fast!.user, 'session', opts, fast!.memberships, fast!.needToKnow);
		const library = await auth.api.getSession({ headers: browser.headers });
		expect(quick).toEqual(await actorFromUser(database.db, library!.user as never, 'session', opts));
		expect(quick).toMatchObject({ role: 'member', secondFactorMissingFor: 'programme_officer' });
	});

	it('leaves to the library: a forged signature, an ended session, an expired one, one due for refresh, a cookie to clear', async () => {
		const u = await makeUser(database.db, { password: PASSWORD });
		const browser = await browserSignIn(u.email);
		expect(await readSessionFast(database.db, settings, browser.cookie)).not.toBeNull();

		const signed = browser.cookie(tokenCookie())!;
		const forged = `${signed.slice(0, signed.lastIndexOf('.'))}.${'A'.repeat(43)}=`;
		expect(await readSessionFast(database.db, settings, (n) => (n === tokenCookie() ? forged : undefined))).toBeNull();
		expect(await readSessionFast(database.db, settings, (n) => (n === tokenCookie() ? 'no-signature' : undefined))).toBeNull();
		expect(await readSessionFast(database.db, settings, (n) => (n === settings.authCookies.sessionData.name ? 'x' : browser.cookie(n)))).toBeNull();
		expect(await readSessionFast(database.db, settings, (n) => (n === settings.authCookies.dontRememberToken.name ? 'x' : browser.cookie(n)))).toBeNull();

		const token = signed.slice(0, signed.lastIndexOf('.'));
		const day = 86_400_000;
		// Signed in two days ago: better-auth moves the expiry forward (updateAge is a day).
		await database.db.update(sessions).set({ expiresAt: new Date(Date.now() + 5 * day) }).where(eq(sessions.token, token));
		expect(await readSessionFast(database.db, settings, browser.cookie)).toBeNull();
		expect((await auth.api.getSession({ headers: browser.headers }))?.user.id).toBe(u.id);
		// …after which the common case is fast again.
		expect((await readSessionFast(database.db, settings, browser.cookie))?.user.id).toBe(u.id);

		await database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.token, token));
		expect(await readSessionFast(database.db, settings, browser.cookie)).toBeNull();

		await database.db.delete(sessions).where(eq(sessions.token, token));
		expect(await readSessionFast(database.db, settings, browser.cookie)).toBeNull();
	});

	it('an API token brings the same actor in one statement as reading its owner step by step', async () => {
		const u = await makeUser(database.db, { role: 'finance' });
		const own = await makeOrganisation(database.db, { members: [{ userId: u.id, role: 'member' }] });
		const listed = await makeOrganisation(database.db, { sensitive: true });
		await database.db.insert(needToKnow).values({ organisationId: listed.id, userId: u.id });
		const token = `${TOKEN_PREFIX}read-session-test-${u.id}`;
		await database.db.insert(apiTokens).values({ userId: u.id, name: 't', tokenHash: hashApiToken(token), prefix: token.slice(0, 10) });
		const actor = await authenticateApiToken(database.db, token);
		expect(actor).toEqual(await loadActor(database.db, u.id, 'token', { secondFactorRule: true }));
		expect(actor?.kind === 'user' && [[...actor.memberships], [...actor.needToKnow!]]).toEqual([[[own.id, 'member']], [listed.id]]);
	});
});
