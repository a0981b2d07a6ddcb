import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { updatedAt } from '../db/columns.ts';
import { grantApplications } from '../grants/schema.ts';
import { users } from '../identity/schema.ts';

/**
 * The retention rules, one row. The column defaults are the safe defaults, so a hub that never
 * opened the settings page runs with them (the row is created on first read).
 */
export const retentionSettings = pgTable(
	'retention_settings',
	{
		id: integer('id').primaryKey().default(1),
		guestRegistrationDays: integer('guest_registration_days').notNull().default(180),
		outboxBodyDays: integer('outbox_body_days').notNull().default(90),
		draftIdleDays: integer('draft_idle_days').notNull().default(365),
		draftWarningDays: integer('draft_warning_days').notNull().default(14),
		declinedAnswersDays: integer('declined_answers_days').notNull().default(730),
		/** Days a closed contact-form message is kept before it is deleted. */
		contactMessageDays: integer('contact_message_days').notNull().default(180),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: updatedAt()
	},
	(t) => [check('retention_settings_single_row', sql`${t.id} = 1`)]
);

/** A draft whose authors were warned that it will be deleted; deletion waits for the notice period. */
export const retentionNotices = pgTable('retention_notices', {
	applicationId: uuid('application_id')
		.primaryKey()
		.references(() => grantApplications.id, { onDelete: 'cascade' }),
	warnedAt: timestamp('warned_at', { withTimezone: true }).notNull()
});
