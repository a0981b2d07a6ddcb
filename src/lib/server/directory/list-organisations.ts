import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { directoryQuery, type DirectoryQuery } from '../../validation/directory.ts';
import { organisations } from './schema.ts';
import { visibleOrganisations } from './scope.ts';

const STEMMING: Record<string, string> = { en: 'english', es: 'spanish', fr: 'french' };

/**
 * Full-text match: whole words in any language, the reader's language by stem, and the last
 * word as a prefix so that "procure" finds "procurement" while typing.
 */
export function searchCondition(q: string, locale: string): SQL | undefined {
	const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
	if (!words.length) return undefined;
	const prefix = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
	const config = STEMMING[locale] ?? 'english';
	return sql`${organisations.search} @@ (websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery(${config}::regconfig, ${q}) || to_tsquery('simple', ${prefix}))`;
}

export const DIRECTORY_COLUMNS = {
	id: organisations.id,
	name: organisations.name,
	kind: organisations.kind,
	country: organisations.country,
	region: organisations.region,
	languages: organisations.languages,
	website: organisations.website,
	sensitive: organisations.sensitive,
	updatedAt: organisations.updatedAt
};

/**
 * The directory's statements: the page of rows, and the count of all matches. Built on a database
 * or on a bare query builder (the benchmark's baseline renders the very same SQL). The count is a
 * statement of its own: a window count over the matches would stop PostgreSQL from reading only
 * the first page in index order.
 */
export function directoryStatements(
	qb: Pick<Db, 'select'> | QueryBuilder,
	actor: Actor,
	query: DirectoryQuery,
	locale: string
) {
	const conditions: SQL[] = [visibleOrganisations(actor)];
	const match = searchCondition(query.q, locale);
	if (match) conditions.push(match);
	if (query.kind) conditions.push(eq(organisations.kind, query.kind));
	if (query.country) conditions.push(eq(organisations.country, query.country));
	if (query.region) conditions.push(eq(organisations.region, query.region));
	const where = and(...conditions);

	const sort = query.sort || (match ? 'relevance' : 'name');
	const order: SQL[] = {
		name: [asc(organisations.name)],
		'-name': [desc(organisations.name)],
		country: [asc(organisations.country), asc(organisations.name)],
		kind: [asc(organisations.kind), asc(organisations.name)],
		'-updated': [desc(organisations.updatedAt)],
		relevance: match
			? [sql`ts_rank(${organisations.search}, websearch_to_tsquery('simple', ${query.q})) DESC`, asc(organisations.name)]
			: [asc(organisations.name)]
	}[sort];

	const b = qb as Db;
	const rows = b
		.select(DIRECTORY_COLUMNS)
		.from(organisations)
		.where(where)
		.orderBy(...order, asc(organisations.id))
		.limit(query.pageSize)
		.offset((query.page - 1) * query.pageSize);
	const total = b.select({ total: count() }).from(organisations).where(where);
	return { rows, total, sort };
}

export async function listOrganisations(db: Db, actor: Actor, raw: unknown, locale = 'en') {
	const query = parseInput(directoryQuery, raw);
	const s = directoryStatements(db, actor, query, locale);
	const [items, [{ total }]] = await Promise.all([s.rows, s.total]);
	return { items, total, page: query.page, pageSize: query.pageSize, sort: s.sort, query };
}
