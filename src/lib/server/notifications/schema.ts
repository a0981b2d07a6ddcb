import { sql } from 'drizzle-orm';
import { date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/columns.ts';
import { users } from '../identity/schema.ts';
import { DELIVERY_MODES, NOTIFICATION_CATEGORIES } from '../../notifications/categories.ts';

/**
 * One notice for one person. It carries only what is needed to say what happened and where:
 * the kind of subject, its id and a link. Names and content stay on the linked page, where the
 * reader's own permissions apply.
 */
export const notifications = pgTable(
	'notifications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		category: text('category', { enum: NOTIFICATION_CATEGORIES }).notNull(),
		subjectKind: text('subject_kind').notNull(),
		subjectId: text('subject_id').notNull(),
		/** A path inside the hub, never an absolute URL. */
		href: text('href').notNull(),
		/** How the mail side was handled, fixed when the notice was made. */
		delivery: text('delivery', { enum: DELIVERY_MODES }).notNull(),
		/** Set when a daily digest has included this notice. */
		digestedAt: timestamp('digested_at', { withTimezone: true }),
		readAt: timestamp('read_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('notifications_user_created_idx').on(t.userId, t.createdAt),
		index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} IS NULL`),
		index('notifications_digest_due_idx').on(t.userId).where(sql`${t.delivery} = 'daily' AND ${t.digestedAt} IS NULL`)
	]
);

/** A person's choice per category; no row means the default (immediately). */
export const notificationPreferences = pgTable(
	'notification_preferences',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		category: text('category', { enum: NOTIFICATION_CATEGORIES }).notNull(),
		mode: text('mode', { enum: DELIVERY_MODES }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.category] })]
);

/**
 * One row per person and local day a digest went out. The unique index is the guard that makes
 * a digest go once even when several instances run the same job at the same time.
 */
export const notificationDigests = pgTable(
	'notification_digests',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		localDate: date('local_date').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('notification_digests_once_idx').on(t.userId, t.localDate)]
);
