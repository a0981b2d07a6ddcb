import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { makeUser } from '../seed/factories.ts';
import { outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import type { UserActor } from './actor.ts';
import { createAuth, type Auth } from './auth.ts';
import { confirmWithPasskey } from './confirm-with-passkey.ts';
import { identityPrivacy } from './privacy.ts';
import { listPasskeys } from './list-passkeys.ts';
import { actorFromUser, loadActor } from './load-actor.ts';
import { removePasskey } from './remove-passkey.ts';
import { passkeys, sessions, users } from './schema.ts';
import { configureSecondFactorRoles, DEFAULT_SECOND_FACTOR_ROLES } from './second-factor-roles.ts';
import { signInWithPasskey } from './sign-in-with-passkey.ts';
import { startPasskeyRegistration } from './start-passkey-registration.ts';

let database: Database;
let auth: Auth;
const PASSWORD = 'a long enough pass';

beforeAll(async () => {
	database = await freshDatabase();
	auth = createAuth({ db: database.db, secret: 'a-test-secret-that-is-long-enough-123456', baseURL: 'http://hub.test' });
	configureSecondFactorRoles(DEFAULT_SECOND_FACTOR_ROLES);
});
afterAll(() => database.close());

const stale = (a: UserActor): UserActor => ({ ...a, provenAt: new Date(Date.now() - 11 * 60_000) });

async function signedIn(role: 'member' | 'programme_officer' = 'member') {
	const u = await makeUser(database.db, { password: PASSWORD, role });
	const res = await auth.api.signInEmail({ body: { email: u.email, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
	const headers = new Headers({ cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), origin: 'http://hub.test' });
	const session = (await auth.api.getSession({ headers }))!.session;
	const actor = { ...((await loadActor(database.db, u.id, 'session')) as UserActor), provenAt: new Date() };
	return { u, headers, sessionId: session.id, actor };
}

async function storedPasskey(userId: string, name = 'Laptop') {
	const id = randomUUID();
	await database.db.insert(passkeys).values({
		id,
		name,
		userId,
		publicKey: 'cHVibGlj',
		credentialID: randomUUID().replaceAll('-', ''),
		counter: 0,
		deviceType: 'multiDevice',
		backedUp: true
	});
	return id;
}

// A fake assertion: well-formed, so it reaches the library, which must refuse it.
const assertion = (id: string) => ({
	response: { id, rawId: id, type: 'public-key', response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'AAAA' }, clientExtensionResults: {} }
});

describe('passkeys through the auth library', () => {
	it('registration options name the hub as relying party, need the person verified, and need a fresh proof', async () => {
		const { actor, headers } = await signedIn();
		expect(await outcome(() => startPasskeyRegistration(database.db, auth, stale(actor), headers))).toBe('FRESH_PROOF_REQUIRED');
		expect(await outcome(() => startPasskeyRegistration(database.db, auth, { ...actor, via: 'token' }, headers))).toBe('UNAUTHENTICATED');
		const options = (await startPasskeyRegistration(database.db, auth, actor, headers))!;
		expect(options.rp.id).toBe('hub.test');
		expect(options.authenticatorSelection?.userVerification).toBe('required');
		expect(options.user.name).toBe(actor.email);
	});

	it("removing one needs a fresh proof and one's own passkey; staff keep their only second factor", async () => {
		const { actor } = await signedIn();
		const other = await makeUser(database.db);
		const mine = await storedPasskey(actor.userId);
		const theirs = await storedPasskey(other.id);
		expect(await outcome(() => removePasskey(database.db, stale(actor), { id: mine }))).toBe('FRESH_PROOF_REQUIRED');
		expect(await outcome(() => removePasskey(database.db, actor, { id: theirs }))).toBe('NOT_FOUND');
		expect(await outcome(() => removePasskey(database.db, actor, { id: 'not-a-uuid' }))).toBe('INVALID_INPUT');
		expect(await outcome(() => removePasskey(database.db, actor, { id: mine }))).toBe('OK');
		expect(await listPasskeys(database.db, actor)).toEqual([]);
		expect(await database.db.select().from(passkeys).where(eq(passkeys.id, theirs))).toHaveLength(1);

		const officer = await signedIn('programme_officer');
		const only = await storedPasskey(officer.actor.userId);
		expect(await outcome(() => removePasskey(database.db, officer.actor, { id: only }))).toBe('FORBIDDEN');
		const second = await storedPasskey(officer.actor.userId, 'Key');
		expect(await outcome(() => removePasskey(database.db, officer.actor, { id: only }))).toBe('OK');
		expect(await outcome(() => removePasskey(database.db, officer.actor, { id: second }))).toBe('FORBIDDEN');
	});

	it('a session proven by a passkey counts as the second factor a staff role needs', async () => {
		const officer = await signedIn('programme_officer');
		const [row] = await database.db.select().from(users).where(eq(users.id, officer.u.id));
		const without = await actorFromUser(database.db, row, 'session', { secondFactorRule: true });
		expect(without.kind === 'user' && without.role).toBe('member');
		const withPasskey = await actorFromUser(database.db, row, 'session', { secondFactorRule: true, passkeyProven: true });
		expect(withPasskey.kind === 'user' && withPasskey.role).toBe('programme_officer');
	});

	it("refuses malformed answers, unknown passkeys and someone else's passkey with a 4xx and changes nothing", async () => {
		const { actor, headers, sessionId } = await signedIn();
		const other = await makeUser(database.db);
		await storedPasskey(other.id);
		const [theirs] = await database.db.select().from(passkeys).where(eq(passkeys.userId, other.id));
		const ctx = { ip: '192.0.2.7', headers };
		for (const bad of [{}, { response: 'x' }, { response: { id: '%00', rawId: 'a', type: 'public-key', response: {} } }, assertion('a'.repeat(2000))])
			expect(await outcome(() => signInWithPasskey(database.db, auth, bad, ctx))).toBe('INVALID_INPUT');
		// No challenge was asked for: refused by the library, no session made.
		const before = (await database.db.select().from(sessions)).length;
		expect(await outcome(() => signInWithPasskey(database.db, auth, assertion('unknowncredential'), ctx))).toBe('INVALID_INPUT');
		expect(await outcome(() => confirmWithPasskey(database.db, auth, actor, sessionId, assertion(theirs.credentialID), ctx))).toBe('INVALID_INPUT');
		expect((await database.db.select().from(sessions)).length).toBe(before);
		expect(await database.db.select().from(sessions).where(eq(sessions.id, sessionId))).toHaveLength(1);
	});

	it('erasing a person removes their passkeys; their data export lists them by name', async () => {
		const u = await makeUser(database.db);
		await storedPasskey(u.id, 'Phone');
		const exported = (await database.db.transaction((tx) => identityPrivacy.exportData(tx, { userId: u.id, email: u.email } as never))) as { passkeys: { name: string }[] };
		expect(exported.passkeys.map((p) => p.name)).toEqual(['Phone']);
		await database.db.transaction((tx) => identityPrivacy.erase(tx, { userId: u.id, email: u.email } as never));
		expect(await database.db.select().from(passkeys).where(eq(passkeys.userId, u.id))).toEqual([]);
	});
});
