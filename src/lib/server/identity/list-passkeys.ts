import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { UserActor } from './actor.ts';
import { passkeys } from './schema.ts';

/** The person's own passkeys, oldest first: a name, when added, and whether it is synced between devices. */
export async function listPasskeys(db: Db, actor: UserActor) {
	return db
		.select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, backedUp: passkeys.backedUp })
		.from(passkeys)
		.where(eq(passkeys.userId, actor.userId))
		.orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

export async function hasPasskey(db: Db, userId: string): Promise<boolean> {
	const [row] = await db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, userId)).limit(1);
	return !!row;
}
