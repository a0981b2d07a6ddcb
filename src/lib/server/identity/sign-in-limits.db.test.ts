import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { makeUser } from '../seed/factories.ts';
import { actorFor } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { createAuth, type Auth } from './auth.ts';
import { rememberDevice } from './known-device.ts';
import { limitPerPerson } from './limit-person.ts';
import { LIMITS, RateLimitedError } from './rate-limit.ts';
import { signIn } from './sign-in.ts';

let database: Database;
let auth: Auth;
const SECRET = 'a-test-secret-that-is-long-enough-123456';
const PASSWORD = 'a long enough pass';
let n = 0;
const newIp = () => `10.20.${Math.floor(++n / 250)}.${n % 250}`;

beforeAll(async () => {
	database = await freshDatabase();
	auth = createAuth({ db: database.db, secret: SECRET, baseURL: 'http://hub.test' });
	// The flat per-minute limit per address is out of the way here: these tests are about the growing waits.
	LIMITS.signIn.max = 1000;
});
afterAll(() => database.close());

/** 'OK', the error code, or 'WAIT n' for a 429 that says how long. */
const attempt = (email: string, password: string, ip: string, knownDevice?: string) =>
	signIn(database.db, auth, { email, password }, { ip, headers: new Headers(), knownDevice }).then(
		() => 'OK',
		(e) => (e instanceof RateLimitedError ? `WAIT ${e.retryAfter}` : ((e as { code?: string }).code ?? String(e)))
	);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('slowing the guesser, not the account', () => {
	it('wrong passwords from one address wait longer and longer; the owner elsewhere signs in at once', async () => {
		const u = await makeUser(database.db, { password: PASSWORD });
		const guesser = newIp();
		for (let i = 0; i < LIMITS.signInBackoff.free; i++) expect(await attempt(u.email, `wrong guess ${i}xx`, guesser)).toBe('UNAUTHENTICATED');
		expect(await attempt(u.email, 'wrong guess again', guesser)).toBe('WAIT 1');
		// Not even the right password is judged from that address during the wait.
		expect(await attempt(u.email, PASSWORD, guesser)).toMatch(/^WAIT /);
		expect(await attempt(u.email, PASSWORD, newIp())).toBe('OK');

		await sleep(1_100);
		expect(await attempt(u.email, 'wrong guess later', guesser)).toBe('UNAUTHENTICATED');
		expect(await attempt(u.email, 'wrong guess later', guesser)).toBe('WAIT 2');
		await sleep(2_100);
		expect(await attempt(u.email, 'wrong guess later', guesser)).toBe('UNAUTHENTICATED');
		expect(await attempt(u.email, 'wrong guess later', guesser)).toBe('WAIT 4');
		// Another person behind another address is untouched.
		const other = await makeUser(database.db, { password: PASSWORD });
		expect(await attempt(other.email, PASSWORD, newIp())).toBe('OK');
	});

	it('a right password ends the run from that address', async () => {
		const u = await makeUser(database.db, { password: PASSWORD });
		const ip = newIp();
		for (let i = 0; i < LIMITS.signInBackoff.free - 1; i++) expect(await attempt(u.email, `typo number ${i}x`, ip)).toBe('UNAUTHENTICATED');
		expect(await attempt(u.email, PASSWORD, ip)).toBe('OK');
		for (let i = 0; i < LIMITS.signInBackoff.free; i++) expect(await attempt(u.email, `typo number ${i}x`, ip)).toBe('UNAUTHENTICATED');
	});

	it('a botnet spreading guesses at one account over many addresses is stopped; the owner’s own browser is not', async () => {
		const u = await makeUser(database.db, { password: PASSWORD });
		// The owner signed in from this browser before.
		const ownBrowser = rememberDevice(SECRET, undefined, u.email);
		for (let i = 0; i < LIMITS.signInAccount.max; i++) expect(await attempt(u.email, `botnet guess ${i}x`, newIp())).toBe('UNAUTHENTICATED');
		expect(await attempt(u.email, 'botnet guess more', newIp())).toMatch(/^WAIT \d+$/);
		expect(await attempt(u.email, PASSWORD, newIp())).toMatch(/^WAIT \d+$/);
		// A forged or foreign mark does not help.
		expect(await attempt(u.email, PASSWORD, newIp(), rememberDevice('another-secret-entirely-000000000000', undefined, u.email))).toMatch(/^WAIT /);
		expect(await attempt(u.email, PASSWORD, newIp(), `${ownBrowser}`)).toBe('OK');
	});

	it('five wrong passwords from anyone do not lock the owner out', async () => {
		const u = await makeUser(database.db, { password: PASSWORD });
		for (let i = 0; i < 5; i++) expect(await attempt(u.email, `someone else ${i}x`, newIp())).toBe('UNAUTHENTICATED');
		expect(await attempt(u.email, PASSWORD, newIp())).toBe('OK');
	});
});

describe('limits per person', () => {
	it('uploads and invitations past the limit are refused with a wait', async () => {
		const actor = await actorFor(database.db, 'programme_officer');
		for (const what of ['uploads', 'invitations'] as const) {
			for (let i = 0; i < LIMITS[what].max; i++) await limitPerPerson(database.db, actor, what);
			const err = await limitPerPerson(database.db, actor, what).catch((e) => e);
			expect(err).toBeInstanceOf(RateLimitedError);
			expect(err.retryAfter).toBeGreaterThan(0);
		}
		// Someone else is not affected.
		await expect(limitPerPerson(database.db, await actorFor(database.db, 'programme_officer'), 'uploads')).resolves.toBeUndefined();
	});
});
