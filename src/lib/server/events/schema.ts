import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../db/columns.ts';
import { organisations } from '../directory/schema.ts';
import { users } from '../identity/schema.ts';

/** A text in each of the hub's languages; English is always present. */
export type Translated = { en: string; es?: string; fr?: string };
export type Material = { title: string; url: string };
export type SurveyQuestion = { id: string; text: Translated };

/** Formats, levels and topics are data staff edit, not code: one table, told apart by `kind`. */
export const eventTerms = pgTable(
	'event_terms',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		kind: text('kind', { enum: ['format', 'level', 'topic'] }).notNull(),
		code: text('code').notNull(),
		name: jsonb('name').$type<Translated>().notNull(),
		description: jsonb('description').$type<Translated>().notNull().default({ en: '' }),
		/** For formats: the usual number of places, and whether registrations wait for approval. */
		defaultCapacity: integer('default_capacity'),
		approvalByDefault: boolean('approval_by_default').notNull().default(false),
		/** For formats: sessions that an organisation asks for and staff schedule (clinics). */
		byRequest: boolean('by_request').notNull().default(false),
		position: integer('position').notNull().default(0),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('event_terms_kind_code_idx').on(t.kind, t.code)]
);

export const eventSeries = pgTable('event_series', {
	id: uuid('id').primaryKey().defaultRandom(),
	title: text('title').notNull(),
	description: text('description').notNull().default(''),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const events = pgTable(
	'events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		formatId: uuid('format_id')
			.notNull()
			.references(() => eventTerms.id, { onDelete: 'restrict' }),
		levelId: uuid('level_id').references(() => eventTerms.id, { onDelete: 'set null' }),
		seriesId: uuid('series_id').references(() => eventSeries.id, { onDelete: 'set null' }),
		/** A clinic is held for one organisation. */
		organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
		languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
		communityCall: boolean('community_call').notNull().default(false),
		/** Stored in UTC; `timeZone` is the organiser's IANA zone, used for display and calendars. */
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		timeZone: text('time_zone').notNull(),
		/** Null means no limit. */
		capacity: integer('capacity'),
		/** Confirmed seats, kept in the same transaction as each registration; the CHECK is the last guard. */
		confirmedCount: integer('confirmed_count').notNull().default(0),
		registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }),
		registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
		approvalRequired: boolean('approval_required').notNull().default(false),
		waitlistEnabled: boolean('waitlist_enabled').notNull().default(true),
		/** Shown only to confirmed registrants, never on public pages or feeds. */
		meetingUrl: text('meeting_url').notNull().default(''),
		recorded: boolean('recorded').notNull().default(false),
		status: text('status', { enum: ['draft', 'published', 'cancelled'] }).notNull().default('draft'),
		/** iCalendar SEQUENCE: raised on every change, so calendars replace the entry they hold. */
		sequence: integer('sequence').notNull().default(0),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('events_starts_idx').on(t.startsAt),
		index('events_format_idx').on(t.formatId),
		index('events_series_idx').on(t.seriesId),
		// An organiser's coming sessions (their home).
		index('events_organiser_idx').on(t.createdBy, t.startsAt),
		check('events_seats_within_capacity', sql`${t.capacity} IS NULL OR ${t.confirmedCount} <= ${t.capacity}`),
		check('events_seats_not_negative', sql`${t.confirmedCount} >= 0`),
		check('events_end_after_start', sql`${t.endsAt} > ${t.startsAt}`),
		// A session lasts at most two weeks; the catalogue relies on it to bound its index range.
		check('events_at_most_two_weeks', sql`${t.endsAt} <= ${t.startsAt} + interval '14 days'`),
		// The public catalogue's range scans and counts, answered from the index alone.
		index('events_public_idx')
			.on(t.startsAt, t.endsAt)
			.where(sql`${t.status} IN ('published', 'cancelled') AND ${t.organisationId} IS NULL`)
	]
);

export const eventTopics = pgTable(
	'event_topics',
	{
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		topicId: uuid('topic_id')
			.notNull()
			.references(() => eventTerms.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.eventId, t.topicId] }), index('event_topics_topic_idx').on(t.topicId)]
);

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'cancelled', 'declined'] as const;

export const eventRegistrations = pgTable(
	'event_registrations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
		name: text('name').notNull(),
		/** Lower-cased, so that one address holds at most one active place. */
		email: text('email').notNull(),
		organisationName: text('organisation_name').notNull().default(''),
		organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
		country: text('country').notNull().default(''),
		locale: text('locale').notNull().default('en'),
		status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
		/** SHA-256 of the personal manage link's token; the token itself is only in the mail. */
		tokenHash: text('token_hash').notNull().unique(),
		consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
		attended: boolean('attended'),
		feedbackGivenAt: timestamp('feedback_given_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('event_registrations_active_email_idx')
			.on(t.eventId, t.email)
			.where(sql`${t.status} IN ('pending', 'confirmed', 'waitlisted')`),
		index('event_registrations_event_status_idx').on(t.eventId, t.status, t.createdAt),
		index('event_registrations_user_idx').on(t.userId),
		index('event_registrations_org_idx').on(t.organisationId),
		// Places waiting for a staff approval, per event.
		index('event_registrations_pending_idx').on(t.eventId).where(sql`${t.status} = 'pending'`)
	]
);

/** Each publication is a new version; readers see the newest in their language, else English. */
export const eventSummaries = pgTable(
	'event_summaries',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		locale: text('locale').notNull(),
		version: integer('version').notNull(),
		body: text('body').notNull(),
		materials: jsonb('materials').$type<Material[]>().notNull().default([]),
		publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('event_summaries_version_idx').on(t.eventId, t.locale, t.version)]
);

export const eventSurveys = pgTable('event_surveys', {
	eventId: uuid('event_id')
		.primaryKey()
		.references(() => events.id, { onDelete: 'cascade' }),
	questions: jsonb('questions').$type<SurveyQuestion[]>().notNull().default([]),
	anonymous: boolean('anonymous').notNull().default(true),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const eventFeedback = pgTable(
	'event_feedback',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		/** Null when the survey is anonymous: the registration only records that it answered. */
		registrationId: uuid('registration_id').references(() => eventRegistrations.id, { onDelete: 'set null' }),
		rating: smallint('rating').notNull(),
		answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
		createdAt: createdAt()
	},
	(t) => [index('event_feedback_event_idx').on(t.eventId), check('event_feedback_rating_range', sql`${t.rating} BETWEEN 1 AND 5`)]
);

export const clinicRequests = pgTable(
	'event_clinic_requests',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		requestedBy: text('requested_by').references(() => users.id, { onDelete: 'set null' }),
		problem: text('problem').notNull(),
		language: text('language').notNull(),
		status: text('status', { enum: ['requested', 'scheduled', 'declined'] }).notNull().default('requested'),
		eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('event_clinic_requests_org_idx').on(t.organisationId),
		index('event_clinic_requests_waiting_idx').on(t.createdAt).where(sql`${t.status} = 'requested'`)
	]
);
