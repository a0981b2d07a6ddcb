import { createHmac, timingSafeEqual } from 'node:crypto';
import { symmetricDecrypt } from 'better-auth/crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { codeInput } from './account-schemas.ts';
import { fromAuthError } from './auth-errors.ts';
import type { Auth } from './auth.ts';
import { clearRateLimit, hitRateLimit, LIMITS, RateLimitedError } from './rate-limit.ts';
import { twoFactors } from './schema.ts';

/** better-auth's TOTP settings (its defaults, which the hub keeps): 30-second steps, one step either side. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const WINDOW = 1;

/**
 * Second step of signing in, or the confirmation that turns two-factor on: a TOTP code.
 * Limited per address and per account (a botnet cannot share out guesses at one account), and a
 * code is accepted once only: its time step is claimed in the database before the library judges
 * it, so a code seen over a shoulder or replayed by a second instance is refused.
 */
export async function verifyTwoFactor(db: Db, auth: Auth, raw: unknown, ctx: { ip: string; headers: Headers }) {
	const { code } = parseInput(codeInput, raw);
	const r = await hitRateLimit(db, `2fa:${ctx.ip}`, LIMITS.twoFactor.max, LIMITS.twoFactor.windowSeconds);
	if (!r.allowed) throw new RateLimitedError(m.auth_rate_limited({ seconds: String(r.retryAfter) }), r.retryAfter);

	const userId = await twoFactorUserId(auth, ctx.headers);
	// Without a user, the library refuses the request itself (no session, no valid two-factor cookie).
	const accountKey = userId ? twoFactorAccountKey(userId) : null;
	if (userId) await claimTotpCode(db, auth, userId, code);
	try {
		const result = await auth.api.verifyTOTP({ body: { code }, headers: ctx.headers });
		if (accountKey) await clearRateLimit(db, accountKey);
		return { user: (result as { user: { id: string; email: string; locale?: string } }).user };
	} catch (e) {
		fromAuthError(e);
	}
}

/**
 * Judges a code against the account's secret and claims its time step, so it is accepted once only.
 * Every attempt counts against the account (a success clears the count through the caller), so
 * concurrent guesses cannot all slip past a check made before counting. True when the code matched
 * and was claimed; false when it matched no step; refused when its step was already used.
 */
export async function claimTotpCode(db: Db, auth: Auth, userId: string, code: string): Promise<boolean> {
	const limit = await hitRateLimit(db, twoFactorAccountKey(userId), LIMITS.twoFactorAccount.max, LIMITS.twoFactorAccount.windowSeconds);
	if (!limit.allowed)
		throw new RateLimitedError(m.auth_two_factor_rate_limited({ minutes: String(Math.ceil(limit.retryAfter / 60)) }), limit.retryAfter);
	const step = await matchingStep(db, auth, userId, code);
	if (step === null) return false;
	// Claiming a step also claims every earlier one: a code older than the last one used is refused too.
	const claimed = await db
		.update(twoFactors)
		.set({ lastTotpStep: step })
		.where(and(eq(twoFactors.userId, userId), or(isNull(twoFactors.lastTotpStep), lt(twoFactors.lastTotpStep, step))))
		.returning({ id: twoFactors.id });
	if (claimed.length === 0) throw new DomainError('INVALID_INPUT', m.auth_invalid_code(), { code: [m.auth_invalid_code()] });
	return true;
}

export const twoFactorAccountKey = (userId: string) => `2fa:user:${userId}`;

/** Whose code this is: the signed-in user (turning two-factor on) or the one the two-factor cookie names (signing in). */
async function twoFactorUserId(auth: Auth, headers: Headers): Promise<string | null> {
	const session = await auth.api.getSession({ headers }).catch(() => null);
	if (session) return session.user.id;
	const context = await auth.$context;
	const name = context.createAuthCookie('two_factor').name;
	const raw = cookieValue(headers.get('cookie') ?? '', name);
	if (!raw) return null;
	const dot = raw.lastIndexOf('.');
	if (dot < 1) return null;
	const value = raw.slice(0, dot);
	// Same signature the library checks, so a forged cookie cannot charge someone else's account.
	const expected = Buffer.from(createHmac('sha256', context.secret).update(value).digest('base64'));
	const given = Buffer.from(raw.slice(dot + 1));
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	const verification = await context.internalAdapter.findVerificationValue(value);
	return verification && verification.expiresAt > new Date() ? verification.value : null;
}

function cookieValue(header: string, name: string): string | null {
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim());
			} catch {
				return null;
			}
		}
	}
	return null;
}

/** The time step within the accepted window whose code this is, or null when none matches. */
async function matchingStep(db: Db, auth: Auth, userId: string, code: string): Promise<number | null> {
	const [row] = await db.select({ secret: twoFactors.secret }).from(twoFactors).where(eq(twoFactors.userId, userId));
	if (!row) return null;
	const secret = await symmetricDecrypt({ key: (await auth.$context).secretConfig, data: row.secret });
	// The hub only generates secrets; imported (base32-prefixed) ones would need decoding first.
	if (secret.startsWith('base32:')) return null;
	const now = Math.floor(Date.now() / 1000 / PERIOD_SECONDS);
	let found: number | null = null;
	for (let step = now - WINDOW; step <= now + WINDOW; step++) {
		if (safeEqual(hotp(Buffer.from(secret, 'utf8'), step), code)) found = step;
	}
	return found;
}

function hotp(key: Buffer, counter: number): string {
	const msg = Buffer.alloc(8);
	msg.writeBigUInt64BE(BigInt(counter));
	const mac = createHmac('sha1', key).update(msg).digest();
	const offset = mac[mac.length - 1] & 15;
	const bin = ((mac[offset] & 127) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
	return String(bin % 10 ** DIGITS).padStart(DIGITS, '0');
}

const safeEqual = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
