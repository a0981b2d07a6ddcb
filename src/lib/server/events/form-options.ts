import type { Db } from '../db/types.ts';
import { listTerms, pick } from './list-terms.ts';

/** Choices for the event form, in the reader's language. */
export async function eventFormOptions(db: Db, locale: string) {
	const t = await listTerms(db);
	const opt = (list: typeof t.formats) => list.map((x) => ({ value: x.id, label: pick(x.name, locale) }));
	return { formats: opt(t.formats), levels: opt(t.levels), topics: opt(t.topics), series: t.series.map((s) => ({ value: s.id, label: s.title })) };
}
