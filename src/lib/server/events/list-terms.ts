import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { eventSeries, eventTerms, type Translated } from './schema.ts';

/** A stored translation in the reader's language, falling back to English. */
export const pick = (t: Translated | null | undefined, locale: string) => (t ? (t[locale as keyof Translated] || t.en) : '');

/** Formats, levels, topics and series: public reference data for the catalogue's filters. */
export async function listTerms(db: DbOrTx) {
	const [terms, series] = await Promise.all([
		db.select().from(eventTerms).orderBy(asc(eventTerms.position), asc(eventTerms.code)),
		db.select().from(eventSeries).orderBy(asc(eventSeries.title))
	]);
	return {
		all: terms,
		formats: terms.filter((t) => t.kind === 'format'),
		levels: terms.filter((t) => t.kind === 'level'),
		topics: terms.filter((t) => t.kind === 'topic'),
		series
	};
}
export type Terms = Awaited<ReturnType<typeof listTerms>>;
