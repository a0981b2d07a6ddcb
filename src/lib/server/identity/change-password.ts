import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import type { Actor } from './actor.ts';
import { changePasswordInput } from './account-schemas.ts';
import { fromAuthError } from './auth-errors.ts';
import type { Auth } from './auth.ts';
import { confirmPassword } from './confirm-password.ts';
import { m } from '#lib/paraglide/messages.js';

/**
 * A signed-in person sets a new password. The current one, typed now, is the fresh proof of
 * identity (checked under the same limit as confirming); the new one follows the hub's policy;
 * every other session of the account is signed out.
 */
export async function changePassword(db: Db, auth: Auth, actor: Actor, raw: unknown, headers: Headers): Promise<void> {
	if (actor.kind !== 'user' || actor.via !== 'session') throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	const input = parseInput(changePasswordInput, raw);
	try {
		await confirmPassword(db, actor.userId, input.currentPassword);
	} catch (e) {
		if (e instanceof DomainError && e.code === 'INVALID_INPUT') throw new DomainError('INVALID_INPUT', e.message, { currentPassword: [e.message] });
		throw e;
	}
	try {
		await auth.api.changePassword({ body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true }, headers });
	} catch (e) {
		try {
			fromAuthError(e);
		} catch (mapped) {
			if (mapped instanceof DomainError && mapped.fields?.password) throw new DomainError(mapped.code, mapped.message, { newPassword: mapped.fields.password });
			throw mapped;
		}
	}
}
