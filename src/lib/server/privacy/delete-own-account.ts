import type { Db } from '../db/types.ts';
import type { UserActor } from '../identity/actor.ts';
import { confirmPassword } from '../identity/confirm-password.ts';
import { withFreshProof } from '../identity/fresh-proof.ts';
import { erasePerson } from './erase-person.ts';

/** A person deletes their own account: their password, typed now, is the fresh proof the erasure asks for. */
export async function deleteOwnAccount(db: Db, actor: UserActor, raw: { password?: unknown }): Promise<void> {
	await confirmPassword(db, actor.userId, raw.password);
	await erasePerson(db, withFreshProof(actor), actor.userId);
}
