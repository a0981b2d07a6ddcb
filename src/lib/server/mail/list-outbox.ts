import { count, desc, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { canReadOutbox } from '../identity/policies.ts';
import { outboxMessages, type MailStatus } from './schema.ts';

/** What the outbox page filters by: states as an operator thinks of them. */
export const OUTBOX_VIEWS = {
	waiting: ['queued', 'sending'],
	retrying: ['retrying'],
	given_up: ['given_up', 'failed'],
	sent: ['sent'],
	stored: ['stored']
} as const satisfies Record<string, readonly MailStatus[]>;
export type OutboxView = keyof typeof OUTBOX_VIEWS;

// An unknown filter shows everything rather than failing: it comes from a link or a bookmark.
const outboxQuery = z.object({
	state: z.enum(Object.keys(OUTBOX_VIEWS) as [OutboxView, ...OutboxView[]]).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1)
});

export async function listOutbox(db: Db, actor: Actor, raw: unknown, pageSize = 25) {
	if (!canReadOutbox(actor).allowed) throw new DomainError('FORBIDDEN', m.e_forbidden());
	const q = outboxQuery.parse(raw ?? {});
	const where = q.state ? inArray(outboxMessages.status, [...OUTBOX_VIEWS[q.state]]) : undefined;
	const [items, [{ total }], byStatus] = await Promise.all([
		db
			.select({
				id: outboxMessages.id,
				kind: outboxMessages.kind,
				toAddress: outboxMessages.toAddress,
				subject: outboxMessages.subject,
				textBody: outboxMessages.textBody,
				status: outboxMessages.status,
				attempts: outboxMessages.attempts,
				error: outboxMessages.error,
				nextAttemptAt: outboxMessages.nextAttemptAt,
				createdAt: outboxMessages.createdAt,
				sentAt: outboxMessages.sentAt
			})
			.from(outboxMessages)
			.where(where)
			.orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
			.limit(pageSize)
			.offset((q.page - 1) * pageSize),
		db.select({ total: count() }).from(outboxMessages).where(where),
		db.select({ status: outboxMessages.status, n: count() }).from(outboxMessages).groupBy(outboxMessages.status)
	]);
	const counts = Object.fromEntries(
		Object.entries(OUTBOX_VIEWS).map(([view, statuses]) => [view, byStatus.filter((r) => (statuses as readonly string[]).includes(r.status)).reduce((a, r) => a + r.n, 0)])
	) as Record<OutboxView, number>;
	return { items, total, page: q.page, pageSize, state: q.state ?? null, counts };
}
