import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { COUNTRY_DATASET_KINDS } from '../../country-context/codes.ts';
import { createdAt } from '../db/columns.ts';
import { engagementAssessments } from '../engagement/schema.ts';
import { users } from '../identity/schema.ts';

/**
 * One imported country dataset file, with where it came from. Imports are never replaced: a newer
 * file is a new row, and assessments keep pointing at the import they saw.
 */
export const countryDatasetImports = pgTable(
	'country_dataset_imports',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		kind: text('kind', { enum: COUNTRY_DATASET_KINDS }).notNull(),
		source: text('source').notNull(),
		/** The date the source published or retrieved the figures, as the source states it. */
		sourceDate: date('source_date', { mode: 'string' }).notNull(),
		licence: text('licence').notNull(),
		fileName: text('file_name').notNull(),
		rowCount: integer('row_count').notNull(),
		importedBy: text('imported_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('country_dataset_imports_kind_idx').on(t.kind, t.sourceDate, t.createdAt)]
);

/** A civic-space or press-freedom rating: one row per country per import. */
export const countryRatings = pgTable(
	'country_ratings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		importId: uuid('import_id')
			.notNull()
			.references(() => countryDatasetImports.id, { onDelete: 'cascade' }),
		country: text('country').notNull(),
		rating: doublePrecision('rating').notNull(),
		band: text('band').notNull()
	},
	(t) => [uniqueIndex('country_ratings_import_country_idx').on(t.importId, t.country), index('country_ratings_country_idx').on(t.country)]
);

/** One open-contracting data publication of a country, as the data registry lists it. */
export const countryPublications = pgTable(
	'country_publications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		importId: uuid('import_id')
			.notNull()
			.references(() => countryDatasetImports.id, { onDelete: 'cascade' }),
		country: text('country').notNull(),
		title: text('title').notNull().default(''),
		frequency: text('frequency').notNull(),
		lastRetrieved: date('last_retrieved', { mode: 'string' }).notNull(),
		coverageFrom: date('coverage_from', { mode: 'string' }),
		coverageTo: date('coverage_to', { mode: 'string' })
	},
	(t) => [
		uniqueIndex('country_publications_import_country_title_idx').on(t.importId, t.country, t.title),
		index('country_publications_country_idx').on(t.country),
		check('country_publications_coverage_order', sql`${t.coverageFrom} IS NULL OR ${t.coverageTo} IS NULL OR ${t.coverageFrom} <= ${t.coverageTo}`)
	]
);

/** Which imports an assessment was shown as evidence: the judgement can be read against what the assessor saw. */
export const assessmentCountryEvidence = pgTable(
	'assessment_country_evidence',
	{
		assessmentId: uuid('assessment_id')
			.notNull()
			.references(() => engagementAssessments.id, { onDelete: 'cascade' }),
		// An import an assessment saw is never deleted: the record of what the assessor saw stays whole.
		importId: uuid('import_id')
			.notNull()
			.references(() => countryDatasetImports.id, { onDelete: 'restrict' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.assessmentId, t.importId] })]
);
