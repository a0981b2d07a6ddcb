import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { outboxMessages } from '../mail/schema.ts';

/**
 * The demo outbox shows each delivery state an operator meets: three of the messages the demo
 * produced are marked sent, failed and waiting for a retry, and given up after eight attempts
 * (which an admin can send again from /admin/outbox).
 */
export async function seedDemoOutbox(db: Db, now = new Date()): Promise<void> {
	const rows = await db.select({ id: outboxMessages.id }).from(outboxMessages).orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.id)).limit(3);
	if (rows.length < 3) return;
	const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
	const states = [
		{ status: 'sent' as const, attempts: 1, sentAt: minutes(-90) },
		{ status: 'retrying' as const, attempts: 3, error: '451 4.3.0 Mailbox temporarily unavailable', nextAttemptAt: minutes(4) },
		{ status: 'given_up' as const, attempts: 8, error: '550 5.1.1 Recipient address rejected: mailbox unknown' }
	];
	for (const [i, set] of states.entries()) await db.update(outboxMessages).set(set).where(eq(outboxMessages.id, rows[i].id));
}
