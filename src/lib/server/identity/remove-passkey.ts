import { and, count, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import type { UserActor } from './actor.ts';
import { ensureFreshProof } from './fresh-proof.ts';
import { removePasskeyInput } from './passkey-input.ts';
import { passkeys, users } from './schema.ts';
import { secondFactorRequiredFor } from './second-factor-roles.ts';

/**
 * Removes one of the person's own passkeys (a fresh proof first). The last one stays while the
 * person's role needs a second factor and no two-step code is set up: it is that second factor.
 */
export async function removePasskey(db: Db, actor: UserActor, raw: unknown): Promise<void> {
	ensureFreshProof(actor);
	const { id } = parseInput(removePasskeyInput, raw);
	await db.transaction(async (tx) => {
		const [own] = await tx
			.select({ id: passkeys.id })
			.from(passkeys)
			.where(and(eq(passkeys.id, id), eq(passkeys.userId, actor.userId)))
			.for('update');
		if (!own) throw new DomainError('NOT_FOUND', m.e_not_found());
		const [{ n }] = await tx.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, actor.userId));
		const [u] = await tx.select({ role: users.role, twoFactorEnabled: users.twoFactorEnabled }).from(users).where(eq(users.id, actor.userId));
		if (n <= 1 && u && secondFactorRequiredFor(u.role) && !u.twoFactorEnabled) throw new DomainError('FORBIDDEN', m.passkey_last_needed());
		await tx.delete(passkeys).where(eq(passkeys.id, id));
	});
}
