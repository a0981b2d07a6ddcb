import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/columns.ts';

/** Every message the hub sends; without SMTP it stays here for admins to read. */
export const outboxMessages = pgTable(
	'outbox_messages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		kind: text('kind').notNull(),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		textBody: text('text_body').notNull(),
		locale: text('locale').notNull(),
		status: text('status', { enum: ['stored', 'sent', 'failed'] }).notNull(),
		error: text('error'),
		createdAt: createdAt(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [index('outbox_created_idx').on(t.createdAt)]
);
