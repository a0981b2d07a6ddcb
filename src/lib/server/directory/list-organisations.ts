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
/**
 * The words typed in the search box as one text-search query: whole words in any language, the
 * reader's language by stem, and the last word as a prefix so that "procure" finds "procurement"
 * while typing. None when nothing searchable was typed.
 */
function searchQuery(q: string, locale: string): SQL | undefined {
	const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
	if (!words.length) return undefined;
	const prefix = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
	const config = STEMMING[locale] ?? 'english';
	return sql`(websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery(${config}::regconfig, ${q}) || to_tsquery('simple', ${prefix}))`;
}

/** Full-text match of the words typed (see `searchQuery`) against a partner's name and description. */
export function searchCondition(q: string, locale: string): SQL | undefined {
	const query = searchQuery(q, locale);
	return query && sql`${organisations.search} @@ ${query}`;
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
 * Matches are counted up to this many past the page's first row, so that a count costs the same
 * at a hundred thousand partners as at ten thousand; beyond it the page says "more than"
 * (decision 062). A word search is not counted at all: the page reads one row more instead.
 */
export const COUNT_LIMIT = 1_000;

/**
 * The directory's statements: the page of rows (one more than the page, to tell whether another
 * follows) and, unless words are searched, the count of matches up to `cap`. Built on a database
 * or on a bare query builder (the benchmark's baseline renders the very same SQL).
 *
 * A search lists first the partners whose name matches, then those matched by their description,
 * each group most recently updated first (decision 072). Each group is a walk of the update-time
 * index that stops once the page is full (how recently a partner was updated says nothing of its
 * words, so matches come at the rate they occur), or a read of the search index when matches
 * are few: the cost follows the page and how common the words are, not the size of the
 * directory, as a ranking by relevance over every match did.
 */
export function directoryStatements(
	qb: Pick<Db, 'select'> | QueryBuilder,
	actor: Actor,
	query: DirectoryQuery,
	locale: string
) {
	const conditions: SQL[] = [visibleOrganisations(actor)];
	const words = searchQuery(query.q, locale);
	if (words) conditions.push(sql`${organisations.search} @@ ${words}`);
	if (query.kind) conditions.push(eq(organisations.kind, query.kind));
	if (query.country) conditions.push(eq(organisations.country, query.country));
	if (query.region) conditions.push(eq(organisations.region, query.region));
	const where = and(...conditions);
	const offset = (query.page - 1) * query.pageSize;
	const b = qb as Db;

	const sort = query.sort || (words ? 'relevance' : 'name');
	let rows;
	if (sort === 'relevance' && words) {
		// Both groups read as far as the page's last row; the page is then taken from the two.
		const upTo = offset + query.pageSize + 1;
		const nameMatches = sql`${organisations.nameSearch} @@ ${words}`;
		const group = (first: boolean) =>
			b
				.select({ ...DIRECTORY_COLUMNS, nameMatched: sql<boolean>`${first}::boolean`.as('name_matched') })
				.from(organisations)
				.where(and(where, first ? nameMatches : sql`NOT ${nameMatches}`))
				.orderBy(desc(organisations.updatedAt), asc(organisations.id))
				.limit(upTo);
		rows = group(true)
			.unionAll(group(false))
			.orderBy(sql`name_matched DESC`, sql`updated_at DESC`, sql`id`)
			.limit(query.pageSize + 1)
			.offset(offset);
	} else {
		const order: SQL[] = {
			name: [asc(organisations.name)],
			'-name': [desc(organisations.name)],
			country: [asc(organisations.country), asc(organisations.name)],
			kind: [asc(organisations.kind), asc(organisations.name)],
			'-updated': [desc(organisations.updatedAt)],
			relevance: [asc(organisations.name)]
		}[sort];
		rows = b
			.select({ ...DIRECTORY_COLUMNS, nameMatched: sql<boolean>`false`.as('name_matched') })
			.from(organisations)
			.where(where)
			.orderBy(...order, asc(organisations.id))
			.limit(query.pageSize + 1)
			.offset(offset);
	}
	const cap = offset + COUNT_LIMIT;
	const matches = b.select({ one: sql<number>`1`.as('one') }).from(organisations).where(where).limit(cap + 1).as('matches');
	const total = b.select({ n: count() }).from(matches);
	return { rows, total: words ? null : total, countUpTo: total, cap, sort };
}

/** Partners the actor may see, searched and filtered, a page at a time, with the count so far (decision 062). */
export async function listOrganisations(db: Db, actor: Actor, raw: unknown, locale = 'en') {
	const query = parseInput(directoryQuery, raw);
	const s = directoryStatements(db, actor, query, locale);
	const [fetched, counted] = await Promise.all([s.rows, s.total]);
	const offset = (query.page - 1) * query.pageSize;
	let total: number;
	let totalExact: boolean;
	if (counted) {
		total = Math.min(counted[0].n, s.cap);
		totalExact = counted[0].n <= s.cap;
	} else if (fetched.length || query.page === 1) {
		// A word search: the extra row says whether another page follows.
		total = offset + Math.min(fetched.length, query.pageSize);
		totalExact = fetched.length <= query.pageSize;
	} else {
		// A word search paged past its last row (an old link): counted so far, as without words.
		const [{ n }] = await s.countUpTo;
		total = Math.min(n, s.cap);
		totalExact = n <= s.cap;
	}
	const items = fetched.slice(0, query.pageSize).map(({ nameMatched: _, ...o }) => o);
	return { items, total, totalExact, page: query.page, pageSize: query.pageSize, sort: s.sort, query };
}
