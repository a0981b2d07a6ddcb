import { asc, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/types.ts';
import { eventSeries, eventTerms, type Translated } from './schema.ts';

/** A stored translation in the reader's language, falling back to English. */
export const pick = (t: Translated | null | undefined, locale: string) => (t ? (t[locale as keyof Translated] || t.en) : '');

/** The terms by kind, beside all of them and the series. */
const byKind = <T extends { kind: string }, S>(terms: T[], series: S[]) => ({
	all: terms,
	formats: terms.filter((t) => t.kind === 'format'),
	levels: terms.filter((t) => t.kind === 'level'),
	topics: terms.filter((t) => t.kind === 'topic'),
	series
});

/** Formats, levels, topics and series: public reference data for the catalogue's filters. */
export async function listTerms(db: DbOrTx) {
	const [terms, series] = await Promise.all([
		db.select().from(eventTerms).orderBy(asc(eventTerms.position), asc(eventTerms.code)),
		db.select().from(eventSeries).orderBy(asc(eventSeries.title))
	]);
	return byKind(terms, series);
}
export type Terms = Awaited<ReturnType<typeof listTerms>>;

export type CatalogueTerm = { id: string; kind: 'format' | 'level' | 'topic'; code: string; name: Translated };

// Every catalogue page and events API call needs the terms and series: one statement instead of
// two, built once per database and kept parsed by PostgreSQL, in the same order as `listTerms`.
function catalogueTermsStatement(db: Db) {
	return db
		.select({
			terms: sql<CatalogueTerm[]>`coalesce((select json_agg(json_build_object('id', t.id, 'kind', t.kind, 'code', t.code, 'name', t.name) order by t.position, t.code) from event_terms t), '[]'::json)`,
			series: sql<{ id: string; title: string }[]>`coalesce((select json_agg(json_build_object('id', s.id, 'title', s.title) order by s.title) from event_series s), '[]'::json)`
		})
		.from(sql`(select 1) as one`)
		.prepare('catalogue_terms');
}
const prepared = new WeakMap<Db, ReturnType<typeof catalogueTermsStatement>>();

/** What the catalogue shows of the terms and series (ids, codes, names), sorted as `listTerms` sorts them. */
export async function catalogueTerms(db: Db) {
	let statement = prepared.get(db);
	if (!statement) prepared.set(db, (statement = catalogueTermsStatement(db)));
	const [{ terms, series }] = await statement.execute();
	return byKind(terms, series);
}
