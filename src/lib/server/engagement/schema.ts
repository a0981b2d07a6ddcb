import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	real,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { Band, Criterion, Gate } from '../../engagement-codes.ts';
import { createdAt, updatedAt } from '../db/columns.ts';
import { organisations } from '../directory/schema.ts';
import { users } from '../identity/schema.ts';

/**
 * A version of the criteria: an admin's edit writes a new row and never changes an old one, so
 * every assessment keeps the set it was made with. The newest version is the current one.
 */
export const criteriaSets = pgTable(
	'criteria_sets',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		version: integer('version').notNull().unique(),
		criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
		bands: jsonb('bands').$type<Band[]>().notNull(),
		gate: jsonb('gate').$type<Gate | null>(),
		note: text('note').notNull().default(''),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [check('criteria_sets_version_positive', sql`${t.version} > 0`)]
);

export const engagementRequests = pgTable(
	'engagement_requests',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		requestedBy: text('requested_by').references(() => users.id, { onDelete: 'set null' }),
		status: text('status', { enum: ['draft', 'submitted', 'in_assessment', 'more_info', 'decided'] })
			.notNull()
			.default('draft'),
		kinds: text('kinds').array().notNull(),
		goal: text('goal').notNull(),
		problem: text('problem').notNull().default(''),
		context: text('context').notNull().default(''),
		governmentCounterparts: text('government_counterparts').notNull().default(''),
		otherCounterparts: text('other_counterparts').notNull().default(''),
		country: text('country').notNull(),
		timeline: text('timeline').notNull().default(''),
		resourcesCommitted: text('resources_committed').notNull().default(''),
		/** The criteria version the request is assessed against, fixed when assessment starts. */
		criteriaSetId: uuid('criteria_set_id').references(() => criteriaSets.id),
		/** Consolidated result, kept up to date as assessments are submitted, for the portfolio's filters. */
		score: real('score'),
		band: text('band'),
		gate: text('gate', { enum: ['clear', 'blocked', 'unknown'] }),
		decision: text('decision', { enum: ['invest', 'decline', 'not_now', 'more_info'] }),
		rationale: text('rationale'),
		decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		/** An admin's written reason for deciding "invest" past a triggered gate without an approved safety plan. */
		gateOverrideReason: text('gate_override_reason'),
		gateOverriddenBy: text('gate_overridden_by').references(() => users.id, { onDelete: 'set null' }),
		gateOverriddenAt: timestamp('gate_overridden_at', { withTimezone: true }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('engagement_requests_org_idx').on(t.organisationId),
		index('engagement_requests_updated_idx').on(t.updatedAt, t.id),
		index('engagement_requests_status_idx').on(t.status, t.updatedAt),
		index('engagement_requests_country_idx').on(t.country),
		index('engagement_requests_band_idx').on(t.band),
		index('engagement_requests_kinds_idx').using('gin', t.kinds),
		check('engagement_requests_score_range', sql`${t.score} IS NULL OR (${t.score} >= 0 AND ${t.score} <= 100)`),
		check(
			'engagement_requests_decided_has_rationale',
			sql`${t.decision} IS NULL OR length(coalesce(${t.rationale}, '')) > 0`
		),
		check(
			'engagement_requests_override_has_reason',
			sql`${t.gateOverriddenAt} IS NULL OR length(coalesce(${t.gateOverrideReason}, '')) > 0`
		)
	]
);

/**
 * The safety plan a request needs when its physical-security gate is triggered. One per request;
 * any change withdraws an earlier approval, so what was approved is always what is on file.
 */
export const engagementSafetyPlans = pgTable(
	'engagement_safety_plans',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		requestId: uuid('request_id')
			.notNull()
			.unique()
			.references(() => engagementRequests.id, { onDelete: 'cascade' }),
		risks: text('risks').notNull(),
		mitigations: text('mitigations').notNull(),
		responsible: text('responsible').notNull(),
		safeContact: text('safe_contact').notNull(),
		reviewOn: date('review_on', { mode: 'string' }).notNull(),
		/** Who first wrote the plan and who changed it last: neither may approve it. */
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
		approvedBy: text('approved_by').references(() => users.id, { onDelete: 'set null' }),
		approvedAt: timestamp('approved_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	// An approver without an approval time is impossible; the reverse happens when the approver's account is erased.
	(t) => [check('engagement_safety_plans_approval_has_time', sql`${t.approvedAt} IS NOT NULL OR ${t.approvedBy} IS NULL`)]
);

/** One assessor's assessment of one request; it exists from the moment they are assigned. */
export const engagementAssessments = pgTable(
	'engagement_assessments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		requestId: uuid('request_id')
			.notNull()
			.references(() => engagementRequests.id, { onDelete: 'cascade' }),
		assessorId: text('assessor_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		criteriaSetId: uuid('criteria_set_id')
			.notNull()
			.references(() => criteriaSets.id),
		assignedBy: text('assigned_by').references(() => users.id, { onDelete: 'set null' }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('engagement_assessments_request_assessor_idx').on(t.requestId, t.assessorId),
		index('engagement_assessments_assessor_idx').on(t.assessorId)
	]
);

/** One criterion's answer in an assessment. A null level means "unknown". */
export const engagementScores = pgTable(
	'engagement_scores',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		assessmentId: uuid('assessment_id')
			.notNull()
			.references(() => engagementAssessments.id, { onDelete: 'cascade' }),
		criterion: text('criterion').notNull(),
		level: smallint('level'),
		/** False for a draft's note written before a level was chosen; a null level is then not "unknown". */
		answered: boolean('answered').notNull().default(true),
		confidence: text('confidence', { enum: ['low', 'medium', 'high'] }).notNull().default('medium'),
		note: text('note').notNull().default('')
	},
	(t) => [
		uniqueIndex('engagement_scores_assessment_criterion_idx').on(t.assessmentId, t.criterion),
		check('engagement_scores_level_range', sql`${t.level} IS NULL OR (${t.level} >= 0 AND ${t.level} <= 4)`)
	]
);
