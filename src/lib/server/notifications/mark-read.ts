import { and, eq, isNull } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { signedIn } from './policies.ts';
import { notifications } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Marks one of the asker's notices read and returns where it points. Someone else's notice is
 * NOT_FOUND, exactly like one that does not exist, so ids reveal nothing.
 */
export async function markRead(db: Db, actor: Actor, id: string) {
	const me = signedIn(actor);
	if (!UUID.test(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const mine = and(eq(notifications.id, id), eq(notifications.userId, me.userId));
	await db.update(notifications).set({ readAt: new Date() }).where(and(mine, isNull(notifications.readAt)));
	const [row] = await db.select({ id: notifications.id, href: notifications.href }).from(notifications).where(mine).limit(1);
	if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
	return row;
}

export async function markAllRead(db: Db, actor: Actor): Promise<number> {
	const me = signedIn(actor);
	const rows = await db
		.update(notifications)
		.set({ readAt: new Date() })
		.where(and(eq(notifications.userId, me.userId), isNull(notifications.readAt)))
		.returning({ id: notifications.id });
	return rows.length;
}
