import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { users } from '../identity/schema.ts';
import { queueMail } from '../mail/mailer.ts';
import { digestMail } from './content.ts';
import { dueDigests } from './digest-schedule.ts';
import { notificationDigests, notifications } from './schema.ts';

/**
 * Sends each person whose 08:00 has come one mail with their waiting notices. The digest row for
 * (person, local day) is inserted first: when two instances run this at once, the unique index
 * lets exactly one of them through, and the other's transaction sends nothing.
 */
export async function sendDigests(db: Db, now = new Date()): Promise<number> {
	const pending = await db
		.select({ id: notifications.id, userId: notifications.userId, category: notifications.category, href: notifications.href, timeZone: users.timeZone })
		.from(notifications)
		.innerJoin(users, eq(users.id, notifications.userId))
		.where(and(eq(notifications.delivery, 'daily'), isNull(notifications.digestedAt)))
		.orderBy(asc(notifications.createdAt));
	let sent = 0;
	for (const due of dueDigests(now, pending)) {
		sent += await db.transaction(async (tx) => {
			const [claimed] = await tx.insert(notificationDigests).values({ userId: due.userId, localDate: due.localDate }).onConflictDoNothing().returning({ id: notificationDigests.id });
			if (!claimed) return 0;
			const items = await tx
				.update(notifications)
				.set({ digestedAt: now })
				.where(and(inArray(notifications.id, due.items.map((i) => i.id)), isNull(notifications.digestedAt)))
				.returning({ category: notifications.category, href: notifications.href });
			if (!items.length) return 0;
			const [person] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, due.userId)).limit(1);
			await queueMail(tx, { kind: 'notification_digest', to: person.email, locale: person.locale, ...digestMail(items, person.locale) });
			return 1;
		});
	}
	return sent;
}
