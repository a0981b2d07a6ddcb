import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uuid, bigint } from 'drizzle-orm/pg-core';
import { createdAt, tsvector, updatedAt } from '../db/columns.ts';
import { organisations } from '../directory/schema.ts';
import { users } from '../identity/schema.ts';

/** An organisation's advocacy strategy; its team works on it step by step. */
export const strategies = pgTable(
	'strategies',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** The team's working language: exports are written in it. */
		language: text('language', { enum: ['en', 'es', 'fr'] }).notNull().default('en'),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('strategies_org_idx').on(t.organisationId)]
);

/** Who edits a strategy. Members of the organisation without a row here may only read it. */
export const strategyCollaborators = pgTable(
	'strategy_collaborators',
	{
		strategyId: uuid('strategy_id')
			.notNull()
			.references(() => strategies.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['editor', 'viewer'] }).notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.strategyId, t.userId] }), index('strategy_collaborators_user_idx').on(t.userId)]
);

/**
 * The free text of one step. `version` goes up by one on every save; a save names the version it
 * was based on, so that two people editing at once never overwrite each other unknowingly.
 */
export const strategySteps = pgTable(
	'strategy_steps',
	{
		strategyId: uuid('strategy_id')
			.notNull()
			.references(() => strategies.id, { onDelete: 'cascade' }),
		step: integer('step').notNull(),
		content: jsonb('content').$type<Record<string, string>>().notNull().default({}),
		version: integer('version').notNull().default(0),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.strategyId, t.step] }), check('strategy_steps_step_check', sql`${t.step} BETWEEN 1 AND 4`)]
);

export const strategyStakeholders = pgTable(
	'strategy_stakeholders',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		strategyId: uuid('strategy_id')
			.notNull()
			.references(() => strategies.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		type: text('type').notNull(),
		/** -2 strong opponent … 2 strong supporter */
		position: integer('position').notNull().default(0),
		power: integer('power').notNull().default(3),
		interest: integer('interest').notNull().default(3),
		notes: text('notes').notNull().default(''),
		target: boolean('target').notNull().default(false),
		ally: boolean('ally').notNull().default(false),
		/** Other stakeholders of the same strategy this one is tied to. */
		ties: uuid('ties').array().notNull().default(sql`'{}'::uuid[]`),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('strategy_stakeholders_strategy_idx').on(t.strategyId),
		check('strategy_stakeholders_position_check', sql`${t.position} BETWEEN -2 AND 2`),
		check('strategy_stakeholders_power_check', sql`${t.power} BETWEEN 1 AND 5`),
		check('strategy_stakeholders_interest_check', sql`${t.interest} BETWEEN 1 AND 5`)
	]
);

export const strategyTactics = pgTable(
	'strategy_tactics',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		strategyId: uuid('strategy_id')
			.notNull()
			.references(() => strategies.id, { onDelete: 'cascade' }),
		audience: text('audience').notNull(),
		change: text('change').notNull(),
		description: text('description').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('strategy_tactics_strategy_idx').on(t.strategyId)]
);

export const strategyMessages = pgTable(
	'strategy_messages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		strategyId: uuid('strategy_id')
			.notNull()
			.references(() => strategies.id, { onDelete: 'cascade' }),
		audience: text('audience').notNull(),
		coreMessage: text('core_message').notNull(),
		evidence: text('evidence').notNull().default(''),
		messenger: text('messenger').notNull().default(''),
		ask: text('ask').notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [index('strategy_messages_strategy_idx').on(t.strategyId)]
);

export const strategyActivities = pgTable(
	'strategy_activities',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		strategyId: uuid('strategy_id')
			.notNull()
			.references(() => strategies.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		owner: text('owner').notNull().default(''),
		startDate: date('start_date'),
		dueDate: date('due_date'),
		status: text('status').notNull().default('planned'),
		/** Whole units of the team's currency. */
		budget: integer('budget').notNull().default(0),
		milestone: boolean('milestone').notNull().default(false),
		deliverable: text('deliverable').notNull().default(''),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('strategy_activities_strategy_idx').on(t.strategyId, t.dueDate),
		check('strategy_activities_budget_check', sql`${t.budget} >= 0`),
		check('strategy_activities_dates_check', sql`${t.startDate} IS NULL OR ${t.dueDate} IS NULL OR ${t.dueDate} >= ${t.startDate}`)
	]
);

/** Step 4: indicators, check-ins and the log of what changed and why. */
export const strategyMonitoring = pgTable(
	'strategy_monitoring',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		strategyId: uuid('strategy_id')
			.notNull()
			.references(() => strategies.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		title: text('title').notNull(),
		detail: text('detail').notNull().default(''),
		entryDate: date('entry_date'),
		target: text('target').notNull().default(''),
		progress: text('progress').notNull().default(''),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('strategy_monitoring_strategy_idx').on(t.strategyId, t.kind)]
);

/** The toolkit's content languages, each with the dictionary its words are stemmed with. */
const DICTIONARIES = { en: 'english', es: 'spanish', fr: 'french' } as const;
const VERSION_SEARCH = [
	// Titles match word for word in any language; everything else by stem in its version's language.
	`setweight(to_tsvector('simple', coalesce(title_en, '') || ' ' || coalesce(title_es, '') || ' ' || coalesce(title_fr, '')), 'A')`,
	...Object.entries(DICTIONARIES).map(([l, d]) => `setweight(to_tsvector('${d}', coalesce(title_${l}, '') || ' ' || summary_${l}), 'B')`),
	...Object.entries(DICTIONARIES).map(([l, d]) => `setweight(to_tsvector('${d}', body_${l}), 'C')`)
].join(' || ');

/**
 * The resource library: templates, guides, briefs, evidence and case studies. One item holds its
 * English, Spanish and French versions side by side, as an FAQ entry does (decision 065); a
 * version exists when it has a title, and each may have its own link or file.
 */
export const resources = pgTable(
	'resources',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		type: text('type').notNull(),
		topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
		countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
		titleEn: text('title_en'),
		titleEs: text('title_es'),
		titleFr: text('title_fr'),
		summaryEn: text('summary_en').notNull().default(''),
		summaryEs: text('summary_es').notNull().default(''),
		summaryFr: text('summary_fr').notNull().default(''),
		bodyEn: text('body_en').notNull().default(''),
		bodyEs: text('body_es').notNull().default(''),
		bodyFr: text('body_fr').notNull().default(''),
		urlEn: text('url_en'),
		urlEs: text('url_es'),
		urlFr: text('url_fr'),
		filenameEn: text('filename_en'),
		filenameEs: text('filename_es'),
		filenameFr: text('filename_fr'),
		contentTypeEn: text('content_type_en'),
		contentTypeEs: text('content_type_es'),
		contentTypeFr: text('content_type_fr'),
		sizeBytesEn: bigint('size_bytes_en', { mode: 'number' }),
		sizeBytesEs: bigint('size_bytes_es', { mode: 'number' }),
		sizeBytesFr: bigint('size_bytes_fr', { mode: 'number' }),
		storageKeyEn: text('storage_key_en').unique(),
		storageKeyEs: text('storage_key_es').unique(),
		storageKeyFr: text('storage_key_fr').unique(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		search: tsvector('search').notNull().generatedAlwaysAs(sql.raw(VERSION_SEARCH))
	},
	(t) => [
		index('resources_search_idx').using('gin', t.search),
		index('resources_type_idx').on(t.type),
		index('resources_topics_idx').using('gin', t.topics),
		index('resources_created_idx').on(t.createdAt),
		check('resources_has_a_version', sql`num_nonnulls(${t.titleEn}, ${t.titleEs}, ${t.titleFr}) > 0`)
	]
);

/** Sticking points (objections to open contracting) with a suggested response, in three languages. */
export const faqs = pgTable(
	'faqs',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		topic: text('topic').notNull(),
		position: integer('position').notNull().default(0),
		questionEn: text('question_en').notNull(),
		questionEs: text('question_es').notNull(),
		questionFr: text('question_fr').notNull(),
		answerEn: text('answer_en').notNull(),
		answerEs: text('answer_es').notNull(),
		answerFr: text('answer_fr').notNull(),
		/** Library items that back the response up. */
		resourceIds: uuid('resource_ids').array().notNull().default(sql`'{}'::uuid[]`),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		search: tsvector('search')
			.notNull()
			.generatedAlwaysAs(
				sql`setweight(to_tsvector('english', coalesce(question_en, '')), 'A') || setweight(to_tsvector('spanish', coalesce(question_es, '')), 'A') || setweight(to_tsvector('french', coalesce(question_fr, '')), 'A') || setweight(to_tsvector('english', coalesce(answer_en, '')), 'B') || setweight(to_tsvector('spanish', coalesce(answer_es, '')), 'B') || setweight(to_tsvector('french', coalesce(answer_fr, '')), 'B')`
			)
	},
	(t) => [index('faqs_search_idx').using('gin', t.search), index('faqs_topic_idx').on(t.topic, t.position)]
);
