import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { signInInput } from './account-schemas.ts';
import { fromAuthError } from './auth-errors.ts';
import type { Auth } from './auth.ts';
import { hitRateLimit, LIMITS } from './rate-limit.ts';

/**
 * Limited per address and per account, so that neither one machine nor a botnet aimed at one
 * account can guess passwords. Session cookies are set by better-auth's SvelteKit bridge.
 */
export async function signIn(db: Db, auth: Auth, raw: unknown, ctx: { ip: string; headers: Headers }) {
	const input = parseInput(signInInput, raw);
	const email = input.email.toLowerCase();
	for (const key of [`signin:ip:${ctx.ip}`, `signin:email:${email}`]) {
		const r = await hitRateLimit(db, key, LIMITS.signIn.max, LIMITS.signIn.windowSeconds);
		if (!r.allowed) throw new DomainError('RATE_LIMITED', m.auth_rate_limited({ seconds: String(r.retryAfter) }));
	}
	try {
		const result = await auth.api.signInEmail({ body: { email, password: input.password }, headers: ctx.headers });
		if ('twoFactorRedirect' in result && result.twoFactorRedirect) return { twoFactor: true as const };
		return { twoFactor: false as const, user: (result as { user: { id: string; locale?: string } }).user };
	} catch (e) {
		fromAuthError(e);
	}
}
