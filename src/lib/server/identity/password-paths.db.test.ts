import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeUser } from '../seed/factories.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { createAuth, type Auth } from './auth.ts';
import { CLIENT_ADDRESS_HEADER } from './client-address.ts';
import { LIMITS } from './rate-limit.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resetPassword } from './reset-password.ts';
import { users } from './schema.ts';
import { signUp } from './sign-up.ts';
import { changePassword } from './change-password.ts';
import { loadActor } from './load-actor.ts';

/** 'OK' or 'REFUSED': the paths refuse in different ways (a domain error, the library's error, a thrown tool error). */
const outcome = (fn: () => Promise<unknown>) => fn().then(() => 'OK', () => 'REFUSED');

let database: Database;
let auth: Auth;
let n = 0;
const fresh = () => `pw${++n}-${Date.now()}@example.org`;

beforeAll(async () => {
	database = await freshDatabase();
	auth = createAuth({ db: database.db, secret: 'a-test-secret-that-is-long-enough-123456', baseURL: 'http://hub.test' });
});
afterAll(() => database.close());

async function resetTokenFor(email: string) {
	await requestPasswordReset(database.db, auth, { email }, `10.9.${n}.1`);
	const [mail] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, email)).orderBy(desc(outboxMessages.createdAt)).limit(1);
	return new URL(mail.textBody.match(/https?:\/\/\S+/)![0]).pathname.split('/').pop()!;
}

// Every path that sets a password, against the same table of refused and accepted passwords.
const PATHS: Record<string, (password: string) => Promise<unknown>> = {
	'sign-up page': (password) => signUp(database.db, auth, { name: 'Pat', email: fresh(), password, locale: 'en', timeZone: 'UTC' }, `10.8.${++n}.1`),
	'reset page': async (password) => {
		const email = fresh();
		await makeUser(database.db, { email, password: 'an old long password' });
		return resetPassword(auth, { token: await resetTokenFor(email), password });
	},
	'auth library sign-up': (password) => auth.api.signUpEmail({ body: { name: 'Pat', email: fresh(), password } }),
	'auth library reset': async (password) => {
		const email = fresh();
		await makeUser(database.db, { email, password: 'an old long password' });
		return auth.api.resetPassword({ body: { token: await resetTokenFor(email), newPassword: password } });
	},
	'accounts made by tools': (password) => makeUser(database.db, { email: fresh(), password }),
	'change-password page': async (password) => {
		const email = fresh();
		const u = await makeUser(database.db, { email, password: 'an old long password' });
		const res = await auth.api.signInEmail({ body: { email, password: 'an old long password' }, headers: new Headers(), returnHeaders: true });
		const headers = new Headers({ cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') });
		const actor = await loadActor(database.db, u.id, 'session');
		return changePassword(database.db, auth, actor, { currentPassword: 'an old long password', newPassword: password }, headers);
	},
	'auth library change-password': async (password) => {
		const email = fresh();
		await makeUser(database.db, { email, password: 'an old long password' });
		const res = await auth.api.signInEmail({ body: { email, password: 'an old long password' }, headers: new Headers(), returnHeaders: true });
		const headers = new Headers({ cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') });
		return auth.api.changePassword({ body: { currentPassword: 'an old long password', newPassword: password }, headers });
	}
};
const REFUSED = [' '.repeat(12), '1234567890', 'aaaaaaaaaa', 'password12', 'password1234', 'aaaaaaaaaaaa', 'qwerty123456'];
const ACCEPTED = ['support-hub-demo', 'correct horse battery'];

describe('one password rule on every path that sets one', () => {
	for (const [path, setPassword] of Object.entries(PATHS)) {
		it.each(REFUSED)(`${path} refuses %j`, async (password) => expect(await outcome(() => setPassword(password))).not.toBe('OK'));
		it.each(ACCEPTED)(`${path} accepts %j`, async (password) => expect(await outcome(() => setPassword(password))).toBe('OK'));
	}
});

describe('the auth library keeps the hub profile rules', () => {
	it.each([
		['a 200,000-character name', { name: 'x'.repeat(200_000) }],
		['a locale that is not one of the hub languages', { name: 'Pat', locale: '<script>' }],
		['a time zone that does not exist', { name: 'Pat', timeZone: 'Not/AZone' }]
	])('sign-up with %s is refused and nothing is stored', async (_what, fields) => {
		const email = fresh();
		expect(await outcome(() => auth.api.signUpEmail({ body: { email, password: 'correct horse battery', ...fields } as never }))).not.toBe('OK');
		expect(await database.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
	});
});

describe('the auth library counts guesses per the address the hub vouches for', () => {
	it('rotating X-Forwarded-For values do not give fresh attempts', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < LIMITS.signIn.max + 2; i++) {
			const res = await auth.handler(
				new Request('http://hub.test/api/auth/sign-in/email', {
					method: 'POST',
					headers: { 'content-type': 'application/json', origin: 'http://hub.test', 'x-forwarded-for': `198.51.100.${i + 1}`, [CLIENT_ADDRESS_HEADER]: '192.0.2.7' },
					body: JSON.stringify({ email: 'nobody-here@example.org', password: 'a wrong password' })
				})
			);
			statuses.push(res.status);
		}
		expect(statuses.at(-1)).toBe(429);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
	});
});
