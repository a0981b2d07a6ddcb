import { and, arrayContains, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db } from '../db/types.ts';
import { parseInput } from '../validate.ts';
import { libraryQuery, type LibraryQuery } from '../../validation/toolkit.ts';
import { resources } from './schema.ts';

const STEMMING: Record<string, string> = { en: 'english', es: 'spanish', fr: 'french' };

/**
 * Whole words in any language, words by stem in the reader's language, and the last word as a
 * prefix while typing — on the generated `search` column and its GIN index.
 */
export function resourceSearch(q: string, locale: string): SQL | undefined {
	const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
	if (!words.length) return undefined;
	const prefix = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
	const config = STEMMING[locale] ?? 'english';
	return sql`${resources.search} @@ (websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery(${config}::regconfig, ${q}) || to_tsquery('simple', ${prefix}))`;
}

export const RESOURCE_COLUMNS = {
	id: resources.id,
	type: resources.type,
	title: resources.title,
	summary: resources.summary,
	language: resources.language,
	topics: resources.topics,
	countries: resources.countries,
	url: resources.url,
	filename: resources.filename,
	updatedAt: resources.updatedAt
};

/** The library's statements, on a database or a bare query builder (the benchmark's baseline). */
export function libraryStatements(qb: Pick<Db, 'select'> | QueryBuilder, query: LibraryQuery, locale: string) {
	const conditions: SQL[] = [];
	const match = resourceSearch(query.q, locale);
	if (match) conditions.push(match);
	if (query.type) conditions.push(eq(resources.type, query.type));
	if (query.language) conditions.push(eq(resources.language, query.language));
	if (query.topic) conditions.push(arrayContains(resources.topics, [query.topic]));
	if (query.country) conditions.push(arrayContains(resources.countries, [query.country]));
	const where = conditions.length ? and(...conditions) : undefined;
	const config = STEMMING[locale] ?? 'english';
	const order = match
		? [sql`ts_rank(${resources.search}, websearch_to_tsquery('simple', ${query.q}) || websearch_to_tsquery(${config}::regconfig, ${query.q})) DESC`, asc(resources.title)]
		: [desc(resources.createdAt), asc(resources.title)];
	const b = qb as Db;
	const rows = b
		.select(RESOURCE_COLUMNS)
		.from(resources)
		.where(where)
		.orderBy(...order, asc(resources.id))
		.limit(query.pageSize)
		.offset((query.page - 1) * query.pageSize);
	const total = b.select({ total: count() }).from(resources).where(where);
	return { rows, total };
}

/** The resource library is open to everyone, visitors included (decision 032). */
export async function listResources(db: Db, raw: unknown, locale = 'en') {
	const query = parseInput(libraryQuery, raw);
	const s = libraryStatements(db, query, locale);
	const [items, [{ total }]] = await Promise.all([s.rows, s.total]);
	return { items, total, page: query.page, pageSize: query.pageSize, query };
}
