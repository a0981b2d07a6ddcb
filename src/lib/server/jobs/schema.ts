import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/columns.ts';

/**
 * Jobs of the in-process scheduler used on embedded PGlite (pg-boss keeps its own tables on
 * PostgreSQL). Kept in the hub's database so that nothing scheduled is lost on a restart.
 */
export const scheduledJobs = pgTable(
	'scheduled_jobs',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		name: text('name').notNull(),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
		runAt: timestamp('run_at', { withTimezone: true }).notNull(),
		/** Scheduling twice with one key keeps the first job; cancelling by key removes it. */
		key: text('key'),
		status: text('status', { enum: ['pending', 'done', 'failed'] }).notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('scheduled_jobs_key_idx').on(t.key).where(sql`${t.status} = 'pending'`),
		index('scheduled_jobs_due_idx').on(t.status, t.runAt)
	]
);
