import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/columns.ts';
import { users } from '../identity/schema.ts';
import { CONTACT_STATUSES, CONTACT_TOPICS } from '../../contact/codes.ts';

/**
 * A question or suggestion about the support itself, sent without an account. Only what is needed
 * to answer: a name and an address are optional (without an address there is no reply), and the
 * retention rules delete a message some time after it is closed.
 */
export const contactMessages = pgTable(
	'contact_messages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		topic: text('topic', { enum: CONTACT_TOPICS }).notNull(),
		name: text('name').notNull().default(''),
		email: text('email').notNull().default(''),
		message: text('message').notNull(),
		locale: text('locale').notNull().default('en'),
		status: text('status', { enum: CONTACT_STATUSES }).notNull().default('open'),
		answer: text('answer'),
		answeredBy: text('answered_by').references(() => users.id, { onDelete: 'set null' }),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		closedBy: text('closed_by').references(() => users.id, { onDelete: 'set null' }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		// The staff inbox (open first, oldest first) and the retention sweep over closed messages.
		index('contact_messages_status_idx').on(t.status, t.createdAt),
		index('contact_messages_closed_idx').on(t.closedAt).where(sql`${t.closedAt} IS NOT NULL`),
		check('contact_messages_status', sql`${t.status} IN ('open', 'answered', 'closed')`)
	]
);
