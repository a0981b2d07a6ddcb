import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/columns.ts';

/**
 * Where a message stands:
 * - `stored`: written while no mail server was configured; kept for admins to read, never sent.
 * - `queued`: waiting for the delivery worker.
 * - `sending`: claimed by a worker until `lease_until`; a lease that runs out (the worker died)
 *   makes the message claimable again.
 * - `retrying`: the last attempt failed; tried again at `next_attempt_at`.
 * - `sent`: the mail server accepted it.
 * - `given_up`: failed `attempts` times; only staff can send it again.
 * - `failed`: written by hub versions that sent mail without a queue; treated as given up.
 */
export const MAIL_STATUSES = ['stored', 'queued', 'sending', 'retrying', 'sent', 'given_up', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export type MailAttachment = { filename: string; content: string; contentType: string };

/** Every message the hub owes or sent: the outbox the delivery worker reads. */
export const outboxMessages = pgTable(
	'outbox_messages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		kind: text('kind').notNull(),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		textBody: text('text_body').notNull(),
		locale: text('locale').notNull(),
		/** Small text files sent with the message (a calendar file). */
		attachments: jsonb('attachments').$type<MailAttachment[]>(),
		status: text('status', { enum: MAIL_STATUSES }).notNull(),
		/** Delivery attempts started so far. */
		attempts: integer('attempts').notNull().default(0),
		/** The last delivery error. */
		error: text('error'),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		/** While `sending`: until when the claiming worker owns the message. */
		leaseUntil: timestamp('lease_until', { withTimezone: true }),
		/** Set at each claim; only the worker holding this token may record the outcome. */
		claimToken: uuid('claim_token'),
		createdAt: createdAt(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [
		index('outbox_created_idx').on(t.createdAt),
		index('outbox_due_idx')
			.on(t.nextAttemptAt)
			.where(sql`${t.status} in ('queued', 'retrying', 'sending')`),
		index('outbox_status_idx').on(t.status, t.createdAt)
	]
);
