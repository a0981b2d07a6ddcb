import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	real,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt, tsvector, updatedAt } from '../db/columns.ts';
import { organisations } from '../directory/schema.ts';
import { users } from '../identity/schema.ts';
import type { Answers, Screener, StageDef, Translated } from './definition.ts';

export const CALL_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;

// Amounts are whole units of the call's currency; the hub does not split grants into cents.

export const grantProgrammes = pgTable('grant_programmes', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	name: jsonb('name').$type<Translated>().notNull(),
	description: jsonb('description').$type<Translated>().notNull(),
	/** The person alerted when a decision clock runs late. */
	leadUserId: text('lead_user_id').references(() => users.id, { onDelete: 'set null' }),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const grantCalls = pgTable(
	'grant_calls',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		programmeId: uuid('programme_id')
			.notNull()
			.references(() => grantProgrammes.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull().unique(),
		title: jsonb('title').$type<Translated>().notNull(),
		summary: jsonb('summary').$type<Translated>().notNull(),
		rolling: boolean('rolling').notNull().default(false),
		opensAt: timestamp('opens_at', { withTimezone: true }),
		closesAt: timestamp('closes_at', { withTimezone: true }),
		timeZone: text('time_zone').notNull().default('UTC'),
		currency: text('currency').notNull(),
		budget: bigint('budget', { mode: 'number' }).notNull(),
		maxAward: bigint('max_award', { mode: 'number' }).notNull(),
		languages: text('languages').array().notNull(),
		/** Organisation kinds that may apply; empty means any. */
		whoMayApply: text('who_may_apply').array().notNull().default(sql`'{}'::text[]`),
		screener: jsonb('screener').$type<Screener>().notNull(),
		stages: jsonb('stages').$type<StageDef[]>().notNull(),
		/** Working days from submission to decision; null when the call has no target. */
		decisionTargetDays: integer('decision_target_days'),
		/** Months after the award at which outcome reports fall due. */
		reportMonths: integer('report_months').array().notNull().default(sql`'{}'::int[]`),
		/** draft → open → closed → archived; calls defined before the builder are open. */
		status: text('status', { enum: CALL_STATUSES }).notNull().default('open'),
		/** Raised by every edit from the builder: two officers saving the same call cannot both win. */
		version: integer('version').notNull().default(1),
		/** The published version new applications start on; each edit of a live call publishes the next. */
		publishedVersion: integer('published_version').notNull().default(1),
		/** Opened and closed by the job queue at `opensAt` and `closesAt`, read in `timeZone`. */
		scheduled: boolean('scheduled').notNull().default(false),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		check('grant_calls_dates', sql`${t.rolling} OR (${t.opensAt} IS NOT NULL AND ${t.closesAt} IS NOT NULL AND ${t.closesAt} > ${t.opensAt})`),
		check('grant_calls_status', sql`${t.status} IN ('draft', 'open', 'closed', 'archived')`),
		check('grant_calls_amounts', sql`${t.budget} >= 0 AND ${t.maxAward} > 0`)
	]
);

/**
 * A published version of a call, kept whole: applications started on it keep its screener, forms
 * and rubrics however the call is edited afterwards. Written when a call opens and at each edit
 * of a live call.
 */
export const grantCallVersions = pgTable(
	'grant_call_versions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		callId: uuid('call_id')
			.notNull()
			.references(() => grantCalls.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		definition: jsonb('definition').$type<CallSnapshot>().notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('grant_call_versions_call_number_idx').on(t.callId, t.number)]
);

/** What a version keeps of its call. */
export type CallSnapshot = {
	title: Translated;
	summary: Translated;
	rolling: boolean;
	opensAt: string | null;
	closesAt: string | null;
	timeZone: string;
	currency: string;
	budget: number;
	maxAward: number;
	languages: string[];
	whoMayApply: string[];
	screener: Screener;
	stages: StageDef[];
	reportMonths: number[];
};

export const APPLICATION_STATUSES = [
	'draft',
	'submitted',
	'screening',
	'in_review',
	'more_information',
	'decision',
	'awarded',
	'declined',
	'withdrawn',
	'closed'
] as const;

export const grantApplications = pgTable(
	'grant_applications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		callId: uuid('call_id')
			.notNull()
			.references(() => grantCalls.id, { onDelete: 'restrict' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'restrict' }),
		status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('draft'),
		stageIndex: integer('stage_index').notNull().default(0),
		/** Raised by every change of status: two staff acting at once cannot both win. */
		version: integer('version').notNull().default(1),
		/** The call's published version this application was started on: its form, screener and rubrics. */
		callVersion: integer('call_version').notNull().default(1),
		/** The last submitted revision; 0 while the first draft has never been submitted. */
		revision: integer('revision').notNull().default(0),
		title: text('title').notNull().default(''),
		answers: jsonb('answers').$type<Answers>().notNull().default({}),
		/**
		 * Raised by every save of the answers: two members of the organisation editing one draft
		 * each save on top of the version they started from, so neither overwrites the other unseen.
		 */
		answersVersion: integer('answers_version').notNull().default(1),
		answersSavedBy: text('answers_saved_by').references(() => users.id, { onDelete: 'set null' }),
		answersSavedAt: timestamp('answers_saved_at', { withTimezone: true }),
		screenerAnswers: jsonb('screener_answers').$type<Record<string, string>>(),
		requestedAmount: bigint('requested_amount', { mode: 'number' }).notNull().default(0),
		infoRequest: text('info_request'),
		/** Where "more information" returns the application to once answered. */
		resumeStatus: text('resume_status'),
		decisionMessage: text('decision_message'),
		source: jsonb('source').$type<{ kind: string; id: string }>(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		decisionDueAt: timestamp('decision_due_at', { withTimezone: true }),
		clockAlertSentAt: timestamp('clock_alert_sent_at', { withTimezone: true }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		// Titles are searched by word prefix in any language.
		search: tsvector('search')
			.notNull()
			.generatedAlwaysAs(sql`to_tsvector('simple', coalesce(title, ''))`)
	},
	(t) => [
		index('grant_applications_search_idx').using('gin', t.search),
		// The list's sorts, each with its filters in front, so a page is an index walk that stops early.
		index('grant_applications_newest_idx').on(t.submittedAt.desc().nullsLast(), t.id.desc().nullsFirst()),
		index('grant_applications_status_newest_idx').on(t.status, t.submittedAt.desc().nullsLast(), t.id.desc().nullsFirst()),
		index('grant_applications_call_status_newest_idx').on(t.callId, t.status, t.submittedAt.desc().nullsLast(), t.id.desc().nullsFirst()),
		index('grant_applications_status_oldest_idx').on(t.status, t.submittedAt.asc().nullsLast(), t.id.asc()),
		index('grant_applications_status_amount_idx').on(t.status, t.requestedAmount.desc().nullsFirst(), t.id.asc()),
		index('grant_applications_due_idx').on(t.decisionDueAt.asc().nullsLast(), t.id.asc()),
		index('grant_applications_org_idx').on(t.organisationId),
		// The officer's home: what waits for screening or a decision, least time left first.
		index('grant_applications_awaiting_idx')
			.on(t.decisionDueAt.asc().nullsLast(), t.id.asc())
			.where(sql`${t.status} IN ('submitted', 'screening', 'decision')`),
		// The same for the calls an officer leads: counted (and the overdue ones) without reading rows.
		index('grant_applications_awaiting_call_idx')
			.on(t.callId, t.decisionDueAt.asc().nullsLast())
			.where(sql`${t.status} IN ('submitted', 'screening', 'decision')`),
		index('grant_applications_title_idx').on(t.title, t.id),
		// Time to decision in /insight: every decided application's call, partner and dates, read
		// from the index alone instead of a scan of the whole table.
		index('grant_applications_decided_idx')
			.on(t.callId, t.organisationId, t.submittedAt, t.decidedAt, t.decisionDueAt)
			.where(sql`${t.decidedAt} IS NOT NULL AND ${t.submittedAt} IS NOT NULL`),
		check('grant_applications_amount', sql`${t.requestedAmount} >= 0`)
	]
);

/**
 * The answers a draft held at each of its last saved versions (the questions its members type,
 * not files), written when a newer save replaces them: a page that started from an older version
 * is merged question by question against the text it started from (decision 070). Only the last
 * twenty versions of a draft are kept; they go with the application.
 */
export const grantAnswerVersions = pgTable(
	'grant_answer_versions',
	{
		applicationId: uuid('application_id')
			.notNull()
			.references(() => grantApplications.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		answers: jsonb('answers').$type<Answers>().notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.applicationId, t.version] })]
);

/** Each submission freezes the answers; reviews point at the revision they judged. */
export const grantRevisions = pgTable(
	'grant_revisions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => grantApplications.id, { onDelete: 'cascade' }),
		revision: integer('revision').notNull(),
		stageIndex: integer('stage_index').notNull(),
		answers: jsonb('answers').$type<Answers>().notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('grant_revisions_app_rev_idx').on(t.applicationId, t.revision)]
);

export const grantAssignments = pgTable(
	'grant_assignments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => grantApplications.id, { onDelete: 'cascade' }),
		stageIndex: integer('stage_index').notNull(),
		reviewerId: text('reviewer_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** pending: no declaration yet; clear: no conflict; conflict: handed back; reviewed. */
		status: text('status', { enum: ['pending', 'clear', 'conflict', 'reviewed'] }).notNull().default('pending'),
		conflictNote: text('conflict_note'),
		declaredAt: timestamp('declared_at', { withTimezone: true }),
		assignedBy: text('assigned_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('grant_assignments_unique_idx').on(t.applicationId, t.stageIndex, t.reviewerId),
		index('grant_assignments_reviewer_idx').on(t.reviewerId)
	]
);

export const grantReviews = pgTable(
	'grant_reviews',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		assignmentId: uuid('assignment_id')
			.notNull()
			.unique()
			.references(() => grantAssignments.id, { onDelete: 'cascade' }),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => grantApplications.id, { onDelete: 'cascade' }),
		/** The revision of the application this review judged. */
		revision: integer('revision').notNull(),
		scores: jsonb('scores').$type<Record<string, { points: number; comment: string }>>().notNull(),
		total: real('total').notNull(),
		percent: real('percent').notNull(),
		comment: text('comment').notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [index('grant_reviews_app_idx').on(t.applicationId)]
);

export const grantAwards = pgTable(
	'grant_awards',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.unique()
			.references(() => grantApplications.id, { onDelete: 'restrict' }),
		amount: bigint('amount', { mode: 'number' }).notNull(),
		currency: text('currency').notNull(),
		conditions: text('conditions').notNull().default(''),
		awardedAt: timestamp('awarded_at', { withTimezone: true }).notNull().defaultNow(),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		awardedBy: text('awarded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('grant_awards_awarded_idx').on(t.awardedAt.desc().nullsFirst(), t.id.desc().nullsFirst()), check('grant_awards_amount', sql`${t.amount} > 0`)]
);

export const grantTranches = pgTable(
	'grant_tranches',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		awardId: uuid('award_id')
			.notNull()
			.references(() => grantAwards.id, { onDelete: 'cascade' }),
		plannedDate: date('planned_date').notNull(),
		plannedAmount: bigint('planned_amount', { mode: 'number' }).notNull(),
		paidDate: date('paid_date'),
		paidAmount: bigint('paid_amount', { mode: 'number' }),
		recordedBy: text('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('grant_tranches_award_idx').on(t.awardId),
		// Finance's home: payments still to make by date, and those made in a month.
		index('grant_tranches_unpaid_idx').on(t.plannedDate).where(sql`${t.paidDate} IS NULL`),
		index('grant_tranches_paid_idx').on(t.paidDate),
		check('grant_tranches_amounts', sql`${t.plannedAmount} > 0 AND (${t.paidAmount} IS NULL OR ${t.paidAmount} > 0)`)
	]
);

export const grantReports = pgTable(
	'grant_reports',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		awardId: uuid('award_id')
			.notNull()
			.references(() => grantAwards.id, { onDelete: 'cascade' }),
		/** The award's call, kept on the report so that "reports of my calls" is one index range, not two look-ups per report. */
		callId: uuid('call_id')
			.notNull()
			.references(() => grantCalls.id, { onDelete: 'cascade' }),
		dueDate: date('due_date').notNull(),
		/** Which of policy, regulation or practice changed. */
		changes: text('changes').array().notNull().default(sql`'{}'::text[]`),
		narrative: text('narrative').notNull().default(''),
		evidenceLinks: text('evidence_links').array().notNull().default(sql`'{}'::text[]`),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		submittedBy: text('submitted_by').references(() => users.id, { onDelete: 'set null' }),
		reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('grant_reports_award_idx').on(t.awardId),
		index('grant_reports_due_idx').on(t.dueDate),
		// Reports still awaited, by due date: the officer's home and the overdue sweep.
		index('grant_reports_awaited_idx').on(t.dueDate).where(sql`${t.submittedAt} IS NULL`),
		// The same for the calls an officer leads (their home's default scope).
		index('grant_reports_awaited_call_idx').on(t.callId, t.dueDate).where(sql`${t.submittedAt} IS NULL`)
	]
);
