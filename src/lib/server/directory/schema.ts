import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	date,
	index,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt, tsvector, updatedAt } from '../db/columns.ts';
import { users } from '../identity/schema.ts';

export const organisations = pgTable(
	'organisations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** Neutral reference used wherever a sensitive partner's name must not appear. */
		reference: text('reference').notNull().unique(),
		name: text('name').notNull(),
		kind: text('kind').notNull(),
		country: text('country').notNull(),
		region: text('region').notNull(),
		languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
		website: text('website'),
		description: text('description').notNull().default(''),
		sensitive: boolean('sensitive').notNull().default(false),
		/** The partner agreed to be named on the public "Partners and impact" page (never shown while sensitive). */
		listedPublicly: boolean('listed_publicly').notNull().default(false),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		// Names match in any language; descriptions also by stem in the partner's first working language.
		search: tsvector('search')
			.notNull()
			.generatedAlwaysAs(
				sql`setweight(to_tsvector('simple', coalesce(name, '')), 'A') || setweight(to_tsvector('simple', coalesce(description, '')), 'C') || setweight(CASE coalesce(languages[1], 'en') WHEN 'es' THEN to_tsvector('spanish', coalesce(name, '') || ' ' || coalesce(description, '')) WHEN 'fr' THEN to_tsvector('french', coalesce(name, '') || ' ' || coalesce(description, '')) ELSE to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, '')) END, 'B')`
			),
		// The name alone, as written and by stem in the partner's first working language: a search
		// lists the partners whose name matches first (decision 072).
		nameSearch: tsvector('name_search')
			.notNull()
			.generatedAlwaysAs(
				sql`to_tsvector('simple', coalesce(name, '')) || CASE coalesce(languages[1], 'en') WHEN 'es' THEN to_tsvector('spanish', coalesce(name, '')) WHEN 'fr' THEN to_tsvector('french', coalesce(name, '')) ELSE to_tsvector('english', coalesce(name, '')) END`
			)
	},
	(t) => [
		index('organisations_search_idx').using('gin', t.search),
		index('organisations_name_search_idx').using('gin', t.nameSearch),
		index('organisations_name_idx').on(t.name),
		index('organisations_updated_idx').on(t.updatedAt),
		index('organisations_kind_idx').on(t.kind),
		index('organisations_country_idx').on(t.country),
		index('organisations_region_idx').on(t.region)
	]
);

export const memberships = pgTable(
	'memberships',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['owner', 'member'] }).notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('memberships_org_user_idx').on(t.organisationId, t.userId),
		index('memberships_user_idx').on(t.userId)
	]
);

export const invitations = pgTable(
	'invitations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		role: text('role', { enum: ['owner', 'member'] }).notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('invitations_org_idx').on(t.organisationId)]
);

/** Contacts at a partner; they need no account. */
export const people = pgTable(
	'people',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		role: text('role').notNull().default(''),
		email: text('email'),
		phone: text('phone'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('people_org_idx').on(t.organisationId)]
);

export const agreements = pgTable(
	'agreements',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		scopes: text('scopes').array().notNull(),
		startDate: date('start_date').notNull(),
		endDate: date('end_date'),
		/** Stored status; "expired" is derived from the end date when read. */
		status: text('status', { enum: ['draft', 'active', 'ended'] }).notNull(),
		binding: boolean('binding').notNull().default(false),
		notes: text('notes').notNull().default(''),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('agreements_org_idx').on(t.organisationId)]
);

export const agreementDocuments = pgTable(
	'agreement_documents',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		agreementId: uuid('agreement_id')
			.notNull()
			.references(() => agreements.id, { onDelete: 'cascade' }),
		filename: text('filename').notNull(),
		contentType: text('content_type').notNull(),
		sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
		storageKey: text('storage_key').notNull().unique(),
		uploadedBy: text('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('agreement_documents_agreement_idx').on(t.agreementId)]
);

/**
 * The staff named on a sensitive partner's need-to-know list. Besides admins, programme officers
 * and the partner's own members, only the staff listed here see its identity.
 */
export const needToKnow = pgTable(
	'need_to_know',
	{
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		addedBy: text('added_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.organisationId, t.userId] }),
		index('need_to_know_user_idx').on(t.userId)
	]
);
