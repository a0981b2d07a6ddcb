import { and, arrayContains, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db } from '../db/types.ts';
import { parseInput } from '../validate.ts';
import { libraryQuery, type LibraryQuery } from '../../validation/toolkit.ts';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../toolkit-codes.ts';
import { hasVersion, pickVersion, titleFor, versionSelection, versionsOf } from './resource-versions.ts';
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
	topics: resources.topics,
	countries: resources.countries,
	updatedAt: resources.updatedAt,
	...versionSelection(['title', 'summary', 'url', 'filename'])
};

/** The library's statements, on a database or a bare query builder (the benchmark's baseline). */
export function libraryStatements(qb: Pick<Db, 'select'> | QueryBuilder, query: LibraryQuery, locale: string) {
	const conditions: SQL[] = [];
	const match = resourceSearch(query.q, locale);
	if (match) conditions.push(match);
	if (query.type) conditions.push(eq(resources.type, query.type));
	if (query.language) conditions.push(hasVersion(query.language));
	if (query.topic) conditions.push(arrayContains(resources.topics, [query.topic]));
	if (query.country) conditions.push(arrayContains(resources.countries, [query.country]));
	const where = conditions.length ? and(...conditions) : undefined;
	const config = STEMMING[locale] ?? 'english';
	// Items the reader can read in their own language come first, then the rest (decision 065).
	const own = CONTENT_LANGUAGES.includes(locale as ContentLanguage) ? [sql`${hasVersion(locale as ContentLanguage)} DESC`] : [];
	const order = match
		? [sql`ts_rank(${resources.search}, websearch_to_tsquery('simple', ${query.q}) || websearch_to_tsquery(${config}::regconfig, ${query.q})) DESC`, ...own, sql`${titleFor(locale)} ASC`]
		: [...own, desc(resources.createdAt), sql`${titleFor(locale)} ASC`];
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

type ListedRow = Awaited<ReturnType<typeof libraryStatements>['rows']>[number];

/** A listed item in the reader's language (or honestly in another), with every version it has. */
export function localiseListed(row: ListedRow, locale: string) {
	const versions = versionsOf(row, ['title', 'summary', 'url', 'filename']);
	const shown = pickVersion(versions, locale)!;
	return {
		id: row.id,
		type: row.type,
		topics: row.topics,
		countries: row.countries,
		updatedAt: row.updatedAt,
		language: shown.language,
		fallback: shown.fallback,
		title: shown.version.title,
		summary: shown.version.summary ?? '',
		url: shown.version.url ?? null,
		filename: shown.version.filename ?? null,
		languages: CONTENT_LANGUAGES.filter((l) => versions[l]),
		versions
	};
}

/** The resource library is open to everyone, visitors included (decision 032). */
export async function listResources(db: Db, raw: unknown, locale = 'en') {
	const query = parseInput(libraryQuery, raw);
	const s = libraryStatements(db, query, locale);
	const [rows, [{ total }]] = await Promise.all([s.rows, s.total]);
	return { items: rows.map((r) => localiseListed(r, locale)), total, page: query.page, pageSize: query.pageSize, query };
}
