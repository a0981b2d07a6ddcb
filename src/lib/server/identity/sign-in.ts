import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { parseInput } from '../validate.ts';
import { signInInput } from './account-schemas.ts';
import { fromAuthError } from './auth-errors.ts';
import type { Auth } from './auth.ts';
import { isKnownDevice } from './known-device.ts';
import { clearRateLimit, hitRateLimit, LIMITS, RateLimitedError, takeBackoffTurn } from './rate-limit.ts';

const limited = (seconds: number) => new RateLimitedError(m.auth_rate_limited({ seconds: String(seconds) }), seconds);

/**
 * Signs in with e-mail and password. The guesser is slowed, not the account:
 * - per address, a few attempts a minute, and wrong passwords in a row wait longer and longer;
 * - per account, a ceiling on wrong passwords from everywhere (a botnet) that a browser where the
 *   owner signed in before is not held by, so nobody can lock the owner out by guessing.
 * Every limit answers 429 with the wait. Session cookies are set by better-auth's SvelteKit bridge.
 */
export async function signIn(
	db: Db,
	auth: Auth,
	raw: unknown,
	ctx: { ip: string; headers: Headers; knownDevice?: string }
) {
	const input = parseInput(signInInput, raw);
	const email = input.email.toLowerCase();
	const perAddress = await hitRateLimit(db, `signin:ip:${ctx.ip}`, LIMITS.signIn.max, LIMITS.signIn.windowSeconds);
	if (!perAddress.allowed) throw limited(perAddress.retryAfter);
	const backoffKey = `signin:backoff:${ctx.ip}`;
	const wait = await takeBackoffTurn(db, backoffKey, LIMITS.signInBackoff);
	if (wait !== null) throw limited(wait);
	const known = isKnownDevice((await auth.$context).secret, ctx.knownDevice, email);
	const accountKey = `signin:account:${email}`;
	if (!known) {
		const perAccount = await hitRateLimit(db, accountKey, LIMITS.signInAccount.max, LIMITS.signInAccount.windowSeconds);
		if (!perAccount.allowed) throw limited(perAccount.retryAfter);
	}
	try {
		const result = await auth.api.signInEmail({ body: { email, password: input.password }, headers: ctx.headers });
		// The password was right: the runs of attempts end, for this address and this account.
		await clearRateLimit(db, backoffKey);
		await clearRateLimit(db, accountKey);
		if ('twoFactorRedirect' in result && result.twoFactorRedirect) return { twoFactor: true as const, email };
		return { twoFactor: false as const, email, user: (result as { user: { id: string; locale?: string } }).user };
	} catch (e) {
		fromAuthError(e);
	}
}
