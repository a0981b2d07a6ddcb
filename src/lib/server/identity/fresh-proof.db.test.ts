import * as OTPAuth from 'otpauth';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { exportOwnData } from '../privacy/export-own-data.ts';
import { erasePerson } from '../privacy/erase-person.ts';
import { deleteOwnAccount } from '../privacy/delete-own-account.ts';
import { makeUser } from '../seed/factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import type { UserActor } from './actor.ts';
import { createAuth, type Auth } from './auth.ts';
import { changePassword } from './change-password.ts';
import { createApiToken } from './create-api-token.ts';
import { enableTwoFactor } from './enable-two-factor.ts';
import { FRESH_PROOF_SECONDS, hasFreshProof } from './fresh-proof.ts';
import { grantRole } from './grant-role.ts';
import { loadActor } from './load-actor.ts';
import { proveIdentity } from './prove-identity.ts';
import { sessions } from './schema.ts';
import { verifyTwoFactor } from './verify-two-factor.ts';

let database: Database;
let auth: Auth;
const PASSWORD = 'a long enough pass';

beforeAll(async () => {
	database = await freshDatabase();
	auth = createAuth({ db: database.db, secret: 'a-test-secret-that-is-long-enough-123456', baseURL: 'http://hub.test' });
});
afterAll(() => database.close());

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
const stale = (a: UserActor): UserActor => ({ ...a, provenAt: minutesAgo(11) });

/** A person signed in as a browser would: the session row and the cookies the browser sends back. */
async function signedIn(role: 'member' | 'admin' | 'programme_officer' = 'member') {
	const u = await makeUser(database.db, { password: PASSWORD, role });
	const res = await auth.api.signInEmail({ body: { email: u.email, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
	const headers = new Headers({ cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') });
	const session = (await auth.api.getSession({ headers }))!.session;
	const actor = { ...((await loadActor(database.db, u.id, 'session')) as UserActor), provenAt: minutesAgo(30) };
	return { u, headers, sessionId: session.id, actor };
}

describe('a fresh proof of identity', () => {
	it('lasts ten minutes from signing in or confirming; an API token never has one', async () => {
		const a = (await actorFor(database.db, 'admin')) as UserActor;
		expect(hasFreshProof(a)).toBe(true);
		expect(hasFreshProof({ ...a, provenAt: new Date(Date.now() - FRESH_PROOF_SECONDS * 1000 + 5_000) })).toBe(true);
		expect(hasFreshProof(stale(a))).toBe(false);
		expect(hasFreshProof({ ...a, via: 'token' })).toBe(false);
		expect(hasFreshProof({ kind: 'anonymous' })).toBe(false);
	});

	it('is asked before creating a token, changing a role, exporting personal data and erasing an account', async () => {
		const admin = (await actorFor(database.db, 'admin')) as UserActor;
		const target = await makeUser(database.db);
		expect(await outcome(() => createApiToken(database.db, stale(admin), { name: 'script' }))).toBe('FRESH_PROOF_REQUIRED');
		expect(await outcome(() => createApiToken(database.db, { ...admin, via: 'token' }, { name: 'script' }))).toBe('FRESH_PROOF_REQUIRED');
		expect(await outcome(() => grantRole(database.db, stale(admin), target.id, 'reviewer'))).toBe('FRESH_PROOF_REQUIRED');
		expect(await outcome(() => exportOwnData(database.db, stale(admin)))).toBe('FRESH_PROOF_REQUIRED');
		expect(await outcome(() => erasePerson(database.db, stale(admin), target.id))).toBe('FRESH_PROOF_REQUIRED');
		// Nothing happened: the role is unchanged and the person is still there.
		const still = (await loadActor(database.db, target.id, 'session')) as UserActor;
		expect(still.role).toBe('member');
		// With a fresh proof the same steps go through.
		expect(await outcome(() => grantRole(database.db, admin, target.id, 'reviewer'))).toBe('OK');
		expect(await outcome(() => createApiToken(database.db, admin, { name: 'script' }))).toBe('OK');
		expect(await outcome(() => exportOwnData(database.db, admin))).toBe('OK');
	});

	it('deleting one’s own account takes the password typed with it as the proof', async () => {
		const { u, actor } = await signedIn();
		expect(await outcome(() => deleteOwnAccount(database.db, actor, { password: 'not the password at all' }))).toBe('INVALID_INPUT');
		expect(await outcome(() => deleteOwnAccount(database.db, actor, { password: PASSWORD }))).toBe('OK');
		expect(await loadActor(database.db, u.id, 'session')).toMatchObject({ kind: 'user', name: expect.not.stringContaining(u.name) });
	});

	it('confirming with the password records the time on this session only', async () => {
		const me = await signedIn();
		const other = await auth.api.signInEmail({ body: { email: me.u.email, password: PASSWORD }, headers: new Headers() });
		expect(await outcome(() => proveIdentity(database.db, auth, me.actor, me.sessionId, { password: 'wrong password here' }))).toBe('INVALID_INPUT');
		const [before] = await database.db.select().from(sessions).where(eq(sessions.id, me.sessionId));
		expect(before.provenAt).toBeNull();
		expect(await outcome(() => proveIdentity(database.db, auth, me.actor, me.sessionId, { password: PASSWORD }))).toBe('OK');
		const rows = await database.db.select().from(sessions).where(eq(sessions.userId, me.u.id));
		const mine = rows.find((r) => r.id === me.sessionId)!;
		expect(Date.now() - mine.provenAt!.getTime()).toBeLessThan(10_000);
		expect(rows.find((r) => r.token === other.token)?.provenAt).toBeNull();
		// The library hands the time back with the session, which is how each request learns it.
		const read = (await auth.api.getSession({ headers: me.headers }))!.session as { provenAt?: Date | string | null };
		expect(new Date(read.provenAt!).getTime()).toBe(mine.provenAt!.getTime());
	});

	it('confirming with a two-step code accepts a code once; a token actor cannot confirm', async () => {
		const me = await signedIn();
		const { secret } = (await enableTwoFactor(auth, { password: PASSWORD }, me.headers))!;
		const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
		await verifyTwoFactor(database.db, auth, { code: totp.generate() }, { ip: '10.9.0.1', headers: me.headers });
		const later = totp.generate({ timestamp: Date.now() + 30_000 });
		expect(await outcome(() => proveIdentity(database.db, auth, me.actor, me.sessionId, { code: later }))).toBe('OK');
		expect(await outcome(() => proveIdentity(database.db, auth, me.actor, me.sessionId, { code: later }))).toBe('INVALID_INPUT');
		expect(await outcome(() => proveIdentity(database.db, auth, { ...me.actor, via: 'token' }, null, { password: PASSWORD }))).toBe('UNAUTHENTICATED');
		expect(await outcome(() => proveIdentity(database.db, auth, me.actor, me.sessionId, { code: 'abc' }))).toBe('INVALID_INPUT');
	});

	it('confirming with a backup code accepts each code once, and only the person’s own', async () => {
		const me = await signedIn();
		const { secret, backupCodes } = (await enableTwoFactor(auth, { password: PASSWORD }, me.headers))!;
		const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
		await verifyTwoFactor(database.db, auth, { code: totp.generate() }, { ip: '10.9.0.2', headers: me.headers });
		const other = await signedIn();
		expect(await outcome(() => proveIdentity(database.db, auth, other.actor, other.sessionId, { backupCode: backupCodes[0] }))).toBe('INVALID_INPUT');
		// Two at once with the same code: one wins.
		const both = await Promise.all([0, 1].map(() => outcome(() => proveIdentity(database.db, auth, me.actor, me.sessionId, { backupCode: backupCodes[0] }))));
		expect(both.sort()).toEqual(['INVALID_INPUT', 'OK']);
		expect(await outcome(() => proveIdentity(database.db, auth, me.actor, me.sessionId, { backupCode: backupCodes[0] }))).toBe('INVALID_INPUT');
		expect(await outcome(() => proveIdentity(database.db, auth, me.actor, me.sessionId, { backupCode: ` ${backupCodes[1]} ` }))).toBe('OK');
		expect(await outcome(() => proveIdentity(database.db, auth, me.actor, me.sessionId, { backupCode: 'x'.repeat(65) }))).toBe('INVALID_INPUT');
	});

	it('changing the password asks for the current one and signs out the other sessions', async () => {
		const me = await signedIn();
		await auth.api.signInEmail({ body: { email: me.u.email, password: PASSWORD }, headers: new Headers() });
		expect(await outcome(() => changePassword(database.db, auth, me.actor, { currentPassword: 'wrong password here', newPassword: 'quiet harbour lantern' }, me.headers))).toBe('INVALID_INPUT');
		expect(await outcome(() => changePassword(database.db, auth, me.actor, { currentPassword: PASSWORD, newPassword: 'password1234' }, me.headers))).toBe('INVALID_INPUT');
		expect(await outcome(() => changePassword(database.db, auth, me.actor, { currentPassword: PASSWORD, newPassword: 'quiet harbour lantern' }, me.headers))).toBe('OK');
		const rows = await database.db.select().from(sessions).where(eq(sessions.userId, me.u.id));
		expect(rows).toHaveLength(1);
		await expect(auth.api.signInEmail({ body: { email: me.u.email, password: 'quiet harbour lantern' }, headers: new Headers() })).resolves.toBeTruthy();
	});
});

describe('roles that need a second factor', () => {
	it('a request’s actor acts as a member until the second factor is on, and cannot turn it off afterwards', async () => {
		const { configureSecondFactorRoles } = await import('./second-factor-roles.ts');
		const { disableTwoFactor } = await import('./disable-two-factor.ts');
		configureSecondFactorRoles(['admin', 'programme_officer']);
		try {
			const me = await signedIn('programme_officer');
			const asRequest = (await loadActor(database.db, me.u.id, 'session', { secondFactorRule: true })) as UserActor;
			expect(asRequest).toMatchObject({ role: 'member', secondFactorMissingFor: 'programme_officer' });
			// Seeds and tests build actors without the rule.
			expect(((await loadActor(database.db, me.u.id, 'session')) as UserActor).role).toBe('programme_officer');

			const { secret } = (await enableTwoFactor(auth, { password: PASSWORD }, me.headers))!;
			const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
			await verifyTwoFactor(database.db, auth, { code: totp.generate() }, { ip: '10.9.0.2', headers: me.headers });
			const after = (await loadActor(database.db, me.u.id, 'session', { secondFactorRule: true })) as UserActor;
			expect(after.role).toBe('programme_officer');
			expect(after.secondFactorMissingFor).toBeUndefined();
			expect(await outcome(() => disableTwoFactor(auth, after, { password: PASSWORD }, me.headers))).toBe('FORBIDDEN');
			// A member may turn theirs off.
			const member = await signedIn('member');
			await enableTwoFactor(auth, { password: PASSWORD }, member.headers);
			expect(await outcome(() => disableTwoFactor(auth, member.actor, { password: PASSWORD }, member.headers))).not.toBe('FORBIDDEN');
		} finally {
			configureSecondFactorRoles([]);
		}
	});
});
