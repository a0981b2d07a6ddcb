import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { parseInput } from '../validate.ts';
import type { Auth } from './auth.ts';
import { fromPasskeyError, passkeyResponseInput } from './passkey-input.ts';
import { hitRateLimit, LIMITS, RateLimitedError } from './rate-limit.ts';
import { sessions } from './schema.ts';

/**
 * Signs in without a password: the library checks the authenticator's signature over the challenge
 * (and that it verified the person) and opens a session, whose cookie the SvelteKit bridge sets.
 * The session is marked as proven by a passkey, which is a second factor (decision 050). Attempts
 * count against the address like password sign-ins.
 */
export async function signInWithPasskey(db: Db, auth: Auth, raw: unknown, ctx: { ip: string; headers: Headers }) {
	const input = parseInput(passkeyResponseInput, raw);
	const r = await hitRateLimit(db, `signin:ip:${ctx.ip}`, LIMITS.signIn.max, LIMITS.signIn.windowSeconds);
	if (!r.allowed) throw new RateLimitedError(m.auth_rate_limited({ seconds: String(r.retryAfter) }), r.retryAfter);
	let result: { session: { id: string }; user: { id: string; locale?: string } };
	try {
		result = (await auth.api.verifyPasskeyAuthentication({ body: { response: input.response }, headers: ctx.headers })) as typeof result;
	} catch (e) {
		fromPasskeyError(e);
	}
	await db.update(sessions).set({ passkeyAt: new Date() }).where(eq(sessions.id, result.session.id));
	return { user: result.user, sessionId: result.session.id };
}
