import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/columns.ts';
import { organisations } from '../directory/schema.ts';
import { users } from '../identity/schema.ts';
import type { Translated } from './definition.ts';
import { grantCalls } from './schema.ts';

/**
 * A message an officer wrote to the applicants of a call (all of them, or those matching a
 * filter), with a subject and body per language. Its recipients are fixed when it is sent and
 * handed to the outbox a batch at a time by the job queue, so a call with thousands of applicants
 * does not flood the mail server.
 */
export const grantCallMessages = pgTable(
	'grant_call_messages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		callId: uuid('call_id')
			.notNull()
			.references(() => grantCalls.id, { onDelete: 'cascade' }),
		subject: jsonb('subject').$type<Translated>().notNull(),
		body: jsonb('body').$type<Translated>().notNull(),
		/** The list filter the recipients were chosen by (status, title words). */
		filter: jsonb('filter').$type<Record<string, string>>().notNull(),
		recipients: integer('recipients').notNull(),
		queued: integer('queued').notNull().default(0),
		/** When the last batch went to the outbox: the next waits for the throttle interval. */
		lastBatchAt: timestamp('last_batch_at', { withTimezone: true }),
		finishedAt: timestamp('finished_at', { withTimezone: true }),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('grant_call_messages_call_idx').on(t.callId, t.createdAt)]
);

/** One person a call message goes to, in their language; `queuedAt` once it is in the outbox. */
export const grantCallMessageRecipients = pgTable(
	'grant_call_message_recipients',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		messageId: uuid('message_id')
			.notNull()
			.references(() => grantCallMessages.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		queuedAt: timestamp('queued_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('grant_call_message_recipients_unique_idx').on(t.messageId, t.userId), index('grant_call_message_recipients_waiting_idx').on(t.messageId, t.queuedAt)]
);
