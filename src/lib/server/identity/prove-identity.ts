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
import { claimBackupCode } from './claim-backup-code.ts';

export const proofInput = z.union([
	z.object({ password: z.string().min(1).max(128) }),
	z.object({ code: z.string().trim().regex(/^\d{6}$/, { error: () => m.auth_invalid_code() }) }),
	z.object({ backupCode: z.string().trim().min(1).max(64) })
]);

/**
 * The person confirms, inside an open session, that they are who signed in: their password, a
 * current two-step code (accepted once, like at sign-in) or one of their backup codes (each once). The session row records when, so that
 * for the next ten minutes this session may do what needs a fresh proof; other sessions may not.
 */
export async function proveIdentity(db: Db, auth: Auth, actor: Actor, sessionId: string | null, raw: unknown): Promise<void> {
	if (actor.kind !== 'user' || actor.via !== 'session' || !sessionId) throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	const input = parseInput(proofInput, raw);
	if ('password' in input) {
		await confirmPassword(db, actor.userId, input.password);
	} else if ('code' in input) {
		const wrong = () => new DomainError('INVALID_INPUT', m.auth_invalid_code(), { code: [m.auth_invalid_code()] });
		if (!(await claimTotpCode(db, auth, actor.userId, input.code))) throw wrong();
		await clearRateLimit(db, twoFactorAccountKey(actor.userId));
	} else {
		const wrong = () => new DomainError('INVALID_INPUT', m.confirm_backup_code_wrong(), { backupCode: [m.confirm_backup_code_wrong()] });
		if (!(await claimBackupCode(db, auth, actor.userId, input.backupCode))) throw wrong();
		await clearRateLimit(db, twoFactorAccountKey(actor.userId));
	}
	await db
		.update(sessions)
		.set({ provenAt: new Date() })
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.userId)));
}
