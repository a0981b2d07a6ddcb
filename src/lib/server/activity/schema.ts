import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/columns.ts';

/** What changed, by whom, when: one row per create, update, role change or status change. */
export const activityEvents = pgTable(
	'activity_events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		actorId: text('actor_id'),
		subjectType: text('subject_type').notNull(),
		subjectId: text('subject_id').notNull(),
		organisationId: uuid('organisation_id'),
		action: text('action').notNull(),
		changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>(),
		createdAt: createdAt()
	},
	(t) => [
		index('activity_subject_idx').on(t.subjectType, t.subjectId, t.createdAt),
		index('activity_organisation_idx').on(t.organisationId, t.createdAt)
	]
);
