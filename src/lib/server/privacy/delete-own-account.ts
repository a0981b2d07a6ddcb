import type { Db } from '../db/types.ts';
import type { FileStore } from '../uploads/file-store.ts';
import type { UserActor } from '../identity/actor.ts';
import { confirmIdentity } from './confirm-identity.ts';
import { erasePerson } from './erase-person.ts';

/** A person deletes their own account: identity first, then the same erasure an admin performs. */
export async function deleteOwnAccount(db: Db, actor: UserActor, raw: { password?: unknown }, opts: { files?: FileStore } = {}): Promise<void> {
	await confirmIdentity(db, actor.userId, raw.password);
	await erasePerson(db, actor, actor.userId, opts);
}
