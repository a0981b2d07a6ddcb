import { count, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { canUseInbox } from './policies.ts';
import { contactMessages } from './schema.ts';

const INBOX_SIZE = 100;

/** The staff inbox: open messages first (oldest first), then the latest answered or closed. */
export async function listContactMessages(db: DbOrTx, actor: Actor) {
	ensure(canUseInbox(actor));
	const [rows, [{ open }]] = await Promise.all([
		db
			.select({ id: contactMessages.id, topic: contactMessages.topic, name: contactMessages.name, status: contactMessages.status, createdAt: contactMessages.createdAt, preview: sql<string>`left(${contactMessages.message}, 120)` })
			.from(contactMessages)
			.orderBy(sql`${contactMessages.status} = 'open' DESC`, sql`CASE WHEN ${contactMessages.status} = 'open' THEN ${contactMessages.createdAt} END ASC`, desc(contactMessages.createdAt))
			.limit(INBOX_SIZE),
		db.select({ open: count() }).from(contactMessages).where(eq(contactMessages.status, 'open'))
	]);
	return { rows, open };
}

