import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import type { Database } from '../db/client.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeUser } from '../seed/factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { createAuth, type Auth } from './auth.ts';
import { authenticateApiToken } from './authenticate-api-token.ts';
import { createApiToken } from './create-api-token.ts';
import { grantRole } from './grant-role.ts';
import { hitRateLimit, LIMITS } from './rate-limit.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resetPassword } from './reset-password.ts';
import { revokeApiToken } from './revoke-api-token.ts';
import { users } from './schema.ts';
import { signIn } from './sign-in.ts';
import { signUp } from './sign-up.ts';

let database: Database;
let auth: Auth;
const ctx = { ip: '127.0.0.9', headers: new Headers() };

const lastMailTo = async (to: string) =>
	(await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, to)).orderBy(desc(outboxMessages.createdAt)).limit(1))[0];
const linkIn = (text: string) => text.match(/https?:\/\/\S+/)![0];

beforeAll(async () => {
	database = await freshDatabase();
	auth = createAuth({ db: database.db, secret: 'a-test-secret-that-is-long-enough-123456', baseURL: 'http://hub.test' });
});
afterAll(() => database.close());

describe('accounts', () => {
	it('sign-up sends a verification mail in the chosen language, and sign-in waits for verification', async () => {
		await signUp(database.db, auth, { name: 'Lucía', email: 'Lucia@Example.org', password: 'a long enough pass', locale: 'es', timeZone: 'America/Lima' }, '10.0.0.1');
		const mail = await lastMailTo('lucia@example.org');
		expect(mail.locale).toBe('es');
		expect(mail.subject).not.toBe('');
		expect(mail.textBody).toContain('http://hub.test/api/auth/verify-email?token=');
		expect(await outcome(() => signIn(database.db, auth, { email: 'lucia@example.org', password: 'a long enough pass' }, ctx))).toBe('FORBIDDEN');

		const token = new URL(linkIn(mail.textBody)).searchParams.get('token')!;
		await auth.api.verifyEmail({ query: { token } });
		const result = await signIn(database.db, auth, { email: 'lucia@example.org', password: 'a long enough pass' }, ctx);
		expect(result?.twoFactor).toBe(false);
		const [u] = await database.db.select().from(users).where(eq(users.email, 'lucia@example.org'));
		expect(u).toMatchObject({ role: 'member', locale: 'es', timeZone: 'America/Lima', emailVerified: true });
	});

	it('signing up again with a known address answers as a new sign-up does; the owner gets a fresh link or a reminder', async () => {
		const form = (email: string) => ({ name: 'Someone', email, password: 'another long pass', locale: 'en', timeZone: 'UTC' });
		// Never verified: a new verification link, in the account's language.
		await signUp(database.db, auth, { ...form('twice@example.org'), locale: 'fr' }, '10.0.1.1');
		const again = await signUp(database.db, auth, form('Twice@Example.org'), '10.0.1.2');
		const fresh = await signUp(database.db, auth, form('first.time@example.org'), '10.0.1.3');
		expect(Object.keys(again)).toEqual(Object.keys(fresh));
		const verify = (await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'twice@example.org'))).filter((x) => x.kind === 'verify_email');
		expect(verify).toHaveLength(2);
		expect(verify.every((x) => x.locale === 'fr')).toBe(true);
		// Verified: a reminder of where to sign in and reset the password; the account is unchanged.
		await makeUser(database.db, { email: 'has.account@example.org', name: 'Hana', password: 'correct horse battery' });
		expect(await signUp(database.db, auth, form('has.account@example.org'), '10.0.1.4')).toEqual({ email: 'has.account@example.org' });
		const reminder = await lastMailTo('has.account@example.org');
		expect(reminder.kind).toBe('account_exists');
		expect(reminder.textBody).toContain('http://hub.test/forgot-password');
		expect(reminder.textBody).toContain('Hana');
		const [u] = await database.db.select().from(users).where(eq(users.email, 'has.account@example.org'));
		expect(u.name).toBe('Hana');
		// At most three reminders an hour to one address; the answer stays the same.
		for (let i = 0; i < 4; i++) await signUp(database.db, auth, form('has.account@example.org'), `10.0.2.${i}`);
		const all = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'has.account@example.org'));
		expect(all).toHaveLength(3);
	});

	it('a short password or an unknown time zone is refused per field', async () => {
		const err = await signUp(database.db, auth, { name: 'X', email: 'x@example.org', password: 'short', timeZone: 'Mars/Base' }, '10.0.0.2').catch((e) => e);
		expect(err.code).toBe('INVALID_INPUT');
		expect(Object.keys(err.fields).sort()).toEqual(['password', 'timeZone']);
	});

	it('a wrong password says only that the pair does not match', async () => {
		await makeUser(database.db, { email: 'known@example.org', password: 'correct horse battery' });
		const err = await signIn(database.db, auth, { email: 'known@example.org', password: 'wrong password!' }, ctx).catch((e) => e);
		expect(err.code).toBe('UNAUTHENTICATED');
	});

	it('sign-in is limited per account from all addresses together, past a ceiling five wrong passwords do not reach', async () => {
		await makeUser(database.db, { email: 'target@example.org', password: 'correct horse battery' });
		for (let i = 0; i < LIMITS.signInAccount.max; i++)
			await signIn(database.db, auth, { email: 'target@example.org', password: 'nope nope nope' }, { ...ctx, ip: `10.1.0.${i}` }).catch(() => {});
		expect(await outcome(() => signIn(database.db, auth, { email: 'target@example.org', password: 'correct horse battery' }, { ...ctx, ip: '10.1.0.99' }))).toBe('RATE_LIMITED');
	});

	it('a password reset link works once, and the new password signs in', async () => {
		await makeUser(database.db, { email: 'forgot@example.org', password: 'old password here', locale: 'fr' });
		await requestPasswordReset(database.db, auth, { email: 'forgot@example.org' }, '10.2.0.1');
		const mail = await lastMailTo('forgot@example.org');
		expect(mail.locale).toBe('fr');
		const link = linkIn(mail.textBody);
		const token = new URL(link).pathname.split('/').pop()!;
		await resetPassword(auth, { token, password: 'brand new password' });
		expect(await outcome(() => resetPassword(auth, { token, password: 'another new password' }))).toBe('INVALID_INPUT');
		const r = await signIn(database.db, auth, { email: 'forgot@example.org', password: 'brand new password' }, { ...ctx, ip: '10.2.0.2' });
		expect(r?.twoFactor).toBe(false);
	});

	it('asking a reset for an unknown address answers the same and sends nothing', async () => {
		await requestPasswordReset(database.db, auth, { email: 'nobody@example.org' }, '10.3.0.1');
		expect(await lastMailTo('nobody@example.org')).toBeUndefined();
	});
});

describe('roles', () => {
	it('only an admin grants roles, and the change is logged with before and after', async () => {
		const admin = await actorFor(database.db, 'admin');
		const officer = await actorFor(database.db, 'programme_officer');
		const target = await makeUser(database.db);
		expect(await outcome(() => grantRole(database.db, officer, target.id, 'admin'))).toBe('FORBIDDEN');
		await grantRole(database.db, admin, target.id, 'reviewer');
		const [event] = await database.db
			.select()
			.from(activityEvents)
			.where(and(eq(activityEvents.subjectId, target.id), eq(activityEvents.action, 'role_changed')));
		expect(event.changes).toEqual({ role: { from: 'member', to: 'reviewer' } });
		expect(await outcome(() => grantRole(database.db, admin, target.id, 'emperor'))).toBe('INVALID_INPUT');
	});
	it('an admin cannot remove their own admin role', async () => {
		const admin = await actorFor(database.db, 'admin');
		expect(await outcome(() => grantRole(database.db, admin, (admin as { userId: string }).userId, 'member'))).toBe('FORBIDDEN');
	});
});

describe('API tokens', () => {
	it('a staff token authenticates as its owner until revoked; partners cannot create one', async () => {
		const officer = await actorFor(database.db, 'programme_officer');
		const created = await createApiToken(database.db, officer, { name: 'reporting script' });
		expect(created.token).toMatch(/^shk_/);
		const actor = await authenticateApiToken(database.db, created.token);
		expect(actor?.kind === 'user' && actor.userId).toBe((officer as { userId: string }).userId);
		expect(await authenticateApiToken(database.db, created.token + 'x')).toBeNull();
		await revokeApiToken(database.db, officer, created.id);
		expect(await authenticateApiToken(database.db, created.token)).toBeNull();

		const partner = await actorFor(database.db, 'member');
		expect(await outcome(() => createApiToken(database.db, partner, { name: 'x' }))).toBe('FORBIDDEN');
	});
	it('someone else’s token cannot be revoked', async () => {
		const a = await actorFor(database.db, 'admin');
		const b = await actorFor(database.db, 'finance');
		const t = await createApiToken(database.db, a, { name: 'mine' });
		expect(await outcome(() => revokeApiToken(database.db, b, t.id))).toBe('NOT_FOUND');
	});
});

describe('rate limit counter', () => {
	it('counts within a window and starts again after it', async () => {
		const results = [];
		for (let i = 0; i < 4; i++) results.push((await hitRateLimit(database.db, 'test:key', 3, 60)).allowed);
		expect(results).toEqual([true, true, true, false]);
		expect((await hitRateLimit(database.db, 'test:other', 3, 60)).allowed).toBe(true);
	});
	it('concurrent attempts never exceed the limit', async () => {
		const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(database.db, 'test:burst', 5, 60)));
		expect(results.filter((r) => r.allowed)).toHaveLength(5);
	});
});

describe('first admin', () => {
	it('the operator can promote an existing account from the command line, once', async () => {
		const { promoteToAdmin } = await import('./promote-admin.ts');
		await makeUser(database.db, { email: 'founder@example.org', verified: false });
		expect(await promoteToAdmin(database.db, 'Founder@example.org')).toBe('promoted');
		expect(await promoteToAdmin(database.db, 'founder@example.org')).toBe('already');
		expect(await promoteToAdmin(database.db, 'nobody@example.org')).toBe('not_found');
		const [u] = await database.db.select().from(users).where(eq(users.email, 'founder@example.org'));
		expect(u).toMatchObject({ role: 'admin', emailVerified: true });
	});
});

describe('API token form', () => {
	it('an empty expiry means no expiry; a number of days sets one; zero is refused', async () => {
		const officer = await actorFor(database.db, 'programme_officer');
		expect((await createApiToken(database.db, officer, { name: 'a', expiresInDays: '' })).token).toMatch(/^shk_/);
		expect((await createApiToken(database.db, officer, { name: 'b', expiresInDays: '30' })).token).toMatch(/^shk_/);
		expect(await outcome(() => createApiToken(database.db, officer, { name: 'c', expiresInDays: '0' }))).toBe('INVALID_INPUT');
	});
});
