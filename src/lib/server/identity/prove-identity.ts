import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { z } from '../../validation/zod.ts';
import type { Actor } from './actor.ts';
import type { Auth } from './auth.ts';
import { confirmPassword } from './confirm-password.ts';
import { clearRateLimit } from './rate-limit.ts';
import { sessions } from './schema.ts';
import { claimTotpCode, twoFactorAccountKey } from './verify-two-factor.ts';

export const proofInput = z.union([
	z.object({ password: z.string().min(1).max(128) }),
	z.object({ code: z.string().trim().regex(/^\d{6}$/, { error: () => m.auth_invalid_code() }) })
]);

/**
 * The person confirms, inside an open session, that they are who signed in: their password or a
 * current two-step code (accepted once, like at sign-in). The session row records when, so that
 * for the next ten minutes this session may do what needs a fresh proof; other sessions may not.
 */
export async function proveIdentity(db: Db, auth: Auth, actor: Actor, sessionId: string | null, raw: unknown): Promise<void> {
	if (actor.kind !== 'user' || actor.via !== 'session' || !sessionId) throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	const input = parseInput(proofInput, raw);
	if ('password' in input) {
		await confirmPassword(db, actor.userId, input.password);
	} else {
		const wrong = () => new DomainError('INVALID_INPUT', m.auth_invalid_code(), { code: [m.auth_invalid_code()] });
		if (!(await claimTotpCode(db, auth, actor.userId, input.code))) throw wrong();
		await clearRateLimit(db, twoFactorAccountKey(actor.userId));
	}
	await db
		.update(sessions)
		.set({ provenAt: new Date() })
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.userId)));
}
