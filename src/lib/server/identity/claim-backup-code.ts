import { timingSafeEqual } from 'node:crypto';
import { symmetricDecrypt, symmetricEncrypt } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import type { Auth } from './auth.ts';
import { hitRateLimit, LIMITS, RateLimitedError } from './rate-limit.ts';
import { twoFactors } from './schema.ts';
import { twoFactorAccountKey } from './verify-two-factor.ts';

/**
 * Judges one of the person's backup codes (stored encrypted by the auth library's two-factor
 * plugin, as a JSON list) and strikes it off, so each is accepted once. The list is rewritten only
 * if nobody changed it meanwhile: two requests with the same code cannot both succeed. Attempts
 * count against the account like two-step codes (a success clears the count through the caller).
 */
export async function claimBackupCode(db: Db, auth: Auth, userId: string, code: string): Promise<boolean> {
	const limit = await hitRateLimit(db, twoFactorAccountKey(userId), LIMITS.twoFactorAccount.max, LIMITS.twoFactorAccount.windowSeconds);
	if (!limit.allowed)
		throw new RateLimitedError(m.auth_two_factor_rate_limited({ minutes: String(Math.ceil(limit.retryAfter / 60)) }), limit.retryAfter);
	const [row] = await db.select({ backupCodes: twoFactors.backupCodes }).from(twoFactors).where(eq(twoFactors.userId, userId));
	if (!row) return false;
	const key = (await auth.$context).secretConfig;
	let codes: unknown;
	try {
		codes = JSON.parse(await symmetricDecrypt({ key, data: row.backupCodes }));
	} catch {
		return false;
	}
	if (!Array.isArray(codes)) return false;
	const given = Buffer.from(code);
	const match = codes.find((c): c is string => typeof c === 'string' && c.length === code.length && timingSafeEqual(Buffer.from(c), given));
	if (!match) return false;
	const rest = codes.filter((c) => c !== match);
	const claimed = await db
		.update(twoFactors)
		.set({ backupCodes: await symmetricEncrypt({ key, data: JSON.stringify(rest) }) })
		.where(and(eq(twoFactors.userId, userId), eq(twoFactors.backupCodes, row.backupCodes)))
		.returning({ id: twoFactors.id });
	return claimed.length > 0;
}
