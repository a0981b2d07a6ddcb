import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { faqQuery } from '../../validation/toolkit.ts';
import { faqs } from './schema.ts';

const STEMMING: Record<string, string> = { en: 'english', es: 'spanish', fr: 'french' };

/** A FAQ entry in one language: the other languages' text stays for staff who edit it. */
export function localise(row: typeof faqs.$inferSelect, locale: string) {
	const pick = (en: string, es: string, fr: string) => (locale === 'es' ? es : locale === 'fr' ? fr : en);
	return {
		id: row.id,
		topic: row.topic,
		position: row.position,
		question: pick(row.questionEn, row.questionEs, row.questionFr),
		answer: pick(row.answerEn, row.answerEs, row.answerFr),
		resourceIds: row.resourceIds
	};
}

/** The FAQ on sticking points, searchable by stem in the reader's language. Open to everyone. */
export async function listFaqs(db: DbOrTx, raw: unknown, locale = 'en') {
	const query = parseInput(faqQuery, raw);
	const conditions: SQL[] = [];
	const words = query.q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
	if (words.length) {
		const config = STEMMING[locale] ?? 'english';
		const prefix = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
		conditions.push(sql`${faqs.search} @@ (websearch_to_tsquery(${config}::regconfig, ${query.q}) || to_tsquery(${config}::regconfig, ${prefix}))`);
	}
	if (query.topic) conditions.push(eq(faqs.topic, query.topic));
	const rows = await db
		.select()
		.from(faqs)
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(asc(faqs.topic), asc(faqs.position), asc(faqs.questionEn));
	return { items: rows.map((r) => localise(r, locale)), query };
}

export async function getFaq(db: DbOrTx, id: string) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [row] = await db.select().from(faqs).where(eq(faqs.id, id));
	if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
	const { search: _s, ...rest } = row;
	return rest;
}
