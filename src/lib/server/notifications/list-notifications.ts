import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { notificationTitle } from './content.ts';
import { signedIn } from './policies.ts';
import { notifications } from './schema.ts';

export const PAGE_SIZE = 50;

/** The asker's latest notices, newest first, with their titles in the asker's language. */
export async function listNotifications(db: DbOrTx, actor: Actor, opts: { unreadOnly?: boolean } = {}) {
	const me = signedIn(actor);
	const mine = eq(notifications.userId, me.userId);
	const rows = await db
		.select()
		.from(notifications)
		.where(opts.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(PAGE_SIZE);
	return rows.map((n) => ({
		id: n.id,
		category: n.category,
		title: notificationTitle(n.category, me.locale),
		subjectKind: n.subjectKind,
		subjectId: n.subjectId,
		href: n.href,
		read: n.readAt !== null,
		createdAt: n.createdAt
	}));
}

/** For the header: answered from the partial index on unread notices. */
export async function countUnread(db: DbOrTx, actor: Actor): Promise<number> {
	if (actor.kind !== 'user') return 0;
	const [row] = await db
		.select({ n: count() })
		.from(notifications)
		.where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
	return row?.n ?? 0;
}
