import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { makeUser } from '../seed/factories.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { createAuth, type Auth } from './auth.ts';
import { enableTwoFactor } from './enable-two-factor.ts';
import { RateLimitedError } from './rate-limit.ts';
import { verifyTwoFactor } from './verify-two-factor.ts';

let database: Database;
let auth: Auth;
const PASSWORD = 'a long enough pass';
let ipCounter = 0;
// A new address each time, so only the per-account limit can be what refuses.
const freshIp = () => `10.7.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
	database = await freshDatabase();
	auth = createAuth({ db: database.db, secret: 'a-test-secret-that-is-long-enough-123456', baseURL: 'http://hub.test' });
});
afterAll(() => database.close());

/** Signs in with the password as a browser would; returns the cookies it would send back (session or two-factor challenge). */
async function passwordStep(email: string) {
	const res = await auth.api.signInEmail({ body: { email, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
	return new Headers({ cookie: cookies.join('; ') });
}

/** A member with two-factor turned on; returns a code generator for their authenticator. */
async function memberWithTwoFactor() {
	const u = await makeUser(database.db, { password: PASSWORD });
	const session = await passwordStep(u.email);
	const { secret } = (await enableTwoFactor(auth, { password: PASSWORD }, session))!;
	const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
	const codeAt = (offsetSteps = 0) => totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
	// The first code turns it on; later sign-ins are asked for a code (a later step, as the first is used).
	expect(await attempt(codeAt(0), session)).toBe('OK');
	expect(await auth.api.signInEmail({ body: { email: u.email, password: PASSWORD }, headers: new Headers() })).toMatchObject({ twoFactorRedirect: true });
	return { u, codeAt };
}

const attempt = (code: string, headers: Headers) =>
	verifyTwoFactor(database.db, auth, { code }, { ip: freshIp(), headers }).then(
		() => 'OK',
		(e) => (e as { code?: string }).code ?? String(e)
	);

describe('two-step codes', () => {
	it('a code is accepted once: the same code (or its time step) is refused at the next sign-in, a later one is accepted', async () => {
		const u = await makeUser(database.db, { password: PASSWORD });
		const session = await passwordStep(u.email);
		const { secret } = (await enableTwoFactor(auth, { password: PASSWORD }, session))!;
		const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
		const code = totp.generate();
		expect(await attempt(code, session)).toBe('OK'); // turns two-factor on

		// Still within its 30-second window, the library alone would accept it again.
		expect(await attempt(code, await passwordStep(u.email))).toBe('INVALID_INPUT');
		const next = totp.generate({ timestamp: Date.now() + 30_000 });
		const challenge = await passwordStep(u.email);
		expect(await attempt(next, challenge)).toBe('OK');
		expect(await attempt(next, await passwordStep(u.email))).toBe('INVALID_INPUT');
	});

	it('after five wrong codes for an account, from any addresses, even the right code is not judged: 429 with a wait', async () => {
		const { u, codeAt } = await memberWithTwoFactor();
		const right = codeAt(1);
		const wrong = right === '000000' ? '111111' : '000000';
		const challenge = await passwordStep(u.email);
		for (let i = 0; i < 5; i++) expect(await attempt(wrong, challenge)).toBe('INVALID_INPUT');

		const err = await verifyTwoFactor(database.db, auth, { code: right }, { ip: freshIp(), headers: await passwordStep(u.email) }).catch((e) => e);
		expect(err).toBeInstanceOf(RateLimitedError);
		expect(err.code).toBe('RATE_LIMITED');
		expect(err.retryAfter).toBeGreaterThan(14 * 60);
		expect(err.retryAfter).toBeLessThanOrEqual(15 * 60);
	});

	it('a right code clears the count, so wrong codes spread over successful sign-ins do not lock the owner out', async () => {
		const { u, codeAt } = await memberWithTwoFactor();
		const wrong = (c: string) => (c === '000000' ? '111111' : '000000');
		const first = await passwordStep(u.email);
		for (let i = 0; i < 4; i++) expect(await attempt(wrong(codeAt(1)), first)).toBe('INVALID_INPUT');
		expect(await attempt(codeAt(1), first)).toBe('OK');
		const second = await passwordStep(u.email);
		for (let i = 0; i < 4; i++) expect(await attempt(wrong(codeAt(1)), second)).toBe('INVALID_INPUT');
		expect(await attempt(wrong(codeAt(1)), second)).not.toBe('RATE_LIMITED');
	});
});
