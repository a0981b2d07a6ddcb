import { sql } from 'drizzle-orm';
import { check, customType, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ACTUAL_SOURCES, INDICATOR_SUBJECTS, OUTCOME_STATUSES } from '../../insight/codes.ts';
import { createdAt, updatedAt } from '../db/columns.ts';
import { organisations } from '../directory/schema.ts';
import { grantApplications } from '../grants/schema.ts';
import { users } from '../identity/schema.ts';

/**
 * Impact areas beyond the built-in ones (competition, savings, service delivery, governance and
 * public trust). Indicators store the area's code, so built-in and added areas are read the same way.
 */
export const impactAreas = pgTable('impact_areas', {
	code: text('code').primaryKey(),
	name: text('name').notNull(),
	createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
	createdAt: createdAt()
});

/** One outcome indicator tied to the SMART goal of a request, grant or strategy. */
export const outcomeIndicators = pgTable(
	'outcome_indicators',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		subjectType: text('subject_type', { enum: INDICATOR_SUBJECTS }).notNull(),
		/** The request id, the grant award id, or the strategy id. */
		subjectId: uuid('subject_id').notNull(),
		/** Copied from the subject so the partner page and reports need no three-way join. */
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		impactArea: text('impact_area').notNull(),
		measure: text('measure').notNull(),
		unit: text('unit').notNull().default(''),
		baseline: doublePrecision('baseline').notNull(),
		target: doublePrecision('target').notNull(),
		targetDate: date('target_date').notNull(),
		evidenceExpected: text('evidence_expected').notNull().default(''),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('outcome_indicators_subject_idx').on(t.subjectType, t.subjectId),
		index('outcome_indicators_org_idx').on(t.organisationId)
	]
);

/** A value reported against an indicator. Never edited: a new report is a new row. */
export const outcomeActuals = pgTable(
	'outcome_actuals',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => outcomeIndicators.id, { onDelete: 'cascade' }),
		source: text('source', { enum: ACTUAL_SOURCES }).notNull(),
		/** The grant report or monitoring entry it came from, when there is one. */
		sourceId: uuid('source_id'),
		value: doublePrecision('value').notNull(),
		observedOn: date('observed_on').notNull(),
		evidenceLinks: text('evidence_links').array().notNull().default(sql`'{}'::text[]`),
		note: text('note').notNull().default(''),
		reportedBy: text('reported_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('outcome_actuals_indicator_idx').on(t.indicatorId, t.createdAt)]
);

/** Staff's reading of one actual. Each review is kept; the newest is the current status. */
export const outcomeReviews = pgTable(
	'outcome_reviews',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		actualId: uuid('actual_id')
			.notNull()
			.references(() => outcomeActuals.id, { onDelete: 'cascade' }),
		status: text('status', { enum: OUTCOME_STATUSES }).notNull(),
		note: text('note').notNull().default(''),
		reviewedBy: text('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('outcome_reviews_actual_idx').on(t.actualId, t.createdAt),
		check('outcome_reviews_note_check', sql`${t.status} NOT IN ('off_track', 'not_achieved') OR length(${t.note}) > 0`)
	]
);

/**
 * Roll-up: the first moment each application reached each step of a call's funnel, read from its
 * status history (the activity log) and its reviews. Kept up to date by a job every minute
 * (`refresh-rollups.ts`); /insight reads it and says when it was last brought up to date.
 */
export const insightApplicationSteps = pgTable(
	'insight_application_steps',
	{
		applicationId: uuid('application_id')
			.primaryKey()
			.references(() => grantApplications.id, { onDelete: 'cascade' }),
		callId: uuid('call_id').notNull(),
		organisationId: uuid('organisation_id').notNull(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		screenedAt: timestamp('screened_at', { withTimezone: true }),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		awardedAt: timestamp('awarded_at', { withTimezone: true })
	},
	(t) => [index('insight_application_steps_call_idx').on(t.callId, t.organisationId)]
);

/** When each roll-up was last brought up to date. */
export const insightRollups = pgTable('insight_rollups', {
	name: text('name').primaryKey(),
	refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull()
});

/** A transaction id that never wraps around (`xid8`), as text. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });
/** Which transactions a database snapshot sees (`pg_snapshot`), as text. */
const pgSnapshot = customType<{ data: string }>({ dataType: () => 'pg_snapshot' });

/**
 * One row per committed transaction that changed a table the report reads, written by the
 * statement-level triggers of migration `insight-figures-follow-changes`. A snapshot whose `seen`
 * does not include one of these transactions is out of date. Rows are written by the changing
 * transaction itself, so they appear only once it commits, and each transaction writes its own
 * row: no row is shared, so concurrent writers never wait on each other. Kept for a day.
 */
export const insightChanges = pgTable('insight_changes', {
	xid: xid8('xid').primaryKey(),
	at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * The computed report for one set of filters. /insight serves it while it is recent and has the
 * job queue compute a new one when it is not, saying on the page how old the figures are.
 */
export const insightSnapshots = pgTable(
	'insight_snapshots',
	{
		key: text('key').primaryKey(),
		figures: jsonb('figures').notNull(),
		computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
		tookMs: integer('took_ms').notNull(),
		/** Which transactions had committed when the computation began (`pg_current_snapshot()`); null on figures kept before this was recorded. */
		seen: pgSnapshot('seen')
	},
	(t) => [index('insight_snapshots_computed_idx').on(t.computedAt)]
);
