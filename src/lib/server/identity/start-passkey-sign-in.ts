import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import type { Auth } from './auth.ts';
import { fromPasskeyError } from './passkey-input.ts';
import { hitRateLimit, LIMITS, RateLimitedError } from './rate-limit.ts';

/**
 * First half of a passkey ceremony (signing in, or confirming who one is): a challenge for the
 * authenticator. Each one writes a row, so an address may ask only so often. Within a session the
 * options name the person's own passkeys; without one the authenticator offers what it holds.
 */
export async function startPasskeySignIn(db: Db, auth: Auth, ctx: { ip: string; headers: Headers }) {
	const r = await hitRateLimit(db, `passkey:options:${ctx.ip}`, LIMITS.passkeyOptions.max, LIMITS.passkeyOptions.windowSeconds);
	if (!r.allowed) throw new RateLimitedError(m.auth_rate_limited({ seconds: String(r.retryAfter) }), r.retryAfter);
	try {
		return await auth.api.generatePasskeyAuthenticationOptions({ headers: ctx.headers });
	} catch (e) {
		fromPasskeyError(e);
	}
}
