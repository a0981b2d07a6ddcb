/**
 * Partner directory searches: the SSR page and the JSON API against the directory's own two
 * statements (a page of 25, and the count when no words are searched) run bare, for a staff reader.
 */
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { directoryStatements } from '#lib/server/directory/list-organisations.ts';
import type { Actor } from '#lib/server/identity/actor.ts';
import type { DirectoryQuery } from '#lib/validation/directory.ts';
import { ORGANISATION_KINDS } from '#lib/roles.ts';
import type { Scenario } from '../scenario.ts';
import { ACTIVITY_EVENTS, ORGANISATIONS, seedDirectory } from './directory-data.ts';

const PAGE_SIZE = 25;
// Broad and narrow matches in each seeded language, a stemmed word and a prefix ("contrat…").
export const QUERIES = [
	'q=procurement&kind=civil_society',
	'q=transparencia&kind=government',
	'q=donn%C3%A9es&kind=civil_society',
	'q=health&kind=academia',
	'q=contrat&kind=business',
	'q=salud%20agua'
];

const qb = new QueryBuilder();
const STAFF: Actor = { kind: 'user', userId: 'bench', name: '', email: '', role: 'programme_officer', locale: 'en', timeZone: 'UTC', memberships: new Map(), via: 'token' };
const kinds = new Set<string>(ORGANISATION_KINDS);

/** The statements listOrganisations issues for a staff reader with the default sort, rendered by the app's own builder. */
function directorySql(q: string, kind: string) {
	const query = { q, kind, country: '', region: '', sort: '', page: 1, pageSize: PAGE_SIZE } as DirectoryQuery;
	const s = directoryStatements(qb, STAFF, query, 'en');
	return { rows: s.rows.toSQL(), total: s.total?.toSQL(), cap: s.cap };
}

export const directory: Scenario = {
	name: 'directory',
	dataset: { organisations: ORGANISATIONS, activityEvents: ACTIVITY_EVENTS },
	seed: seedDirectory,
	baseline: {
		paths: QUERIES.map((q) => `/organisations?${q}`),
		async handle(query, url) {
			const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
			const kindParam = url.searchParams.get('kind') ?? '';
			const s = directorySql(q, kinds.has(kindParam) ? kindParam : '');
			const [rows, counted] = await Promise.all([query(s.rows.sql, s.rows.params), s.total && query(s.total.sql, s.total.params)]);
			// A word search is not counted: its page reads one row more to tell whether another follows.
			const total = counted ? Math.min(Number(counted.rows[0].n), s.cap) : Math.min(rows.rows.length, PAGE_SIZE);
			return { items: rows.rows.slice(0, PAGE_SIZE), total, page: 1, pageSize: PAGE_SIZE };
		}
	},
	targets: [
		{ name: 'api', auth: 'token', paths: QUERIES.map((q) => `/api/v1/organisations?${q}`) },
		{ name: 'page', auth: 'session', paths: QUERIES.map((q) => `/directory?${q}`) }
	],
	check(target, body, baseline) {
		const expected = baseline as { total: number; items: { name: string }[] };
		if (target.name === 'api' && JSON.parse(body).total !== expected.total) return `total ${JSON.parse(body).total} ≠ baseline ${expected.total}`;
		if (target.name === 'page' && expected.items[0] && !body.includes(expected.items[0].name)) return `first result "${expected.items[0].name}" not in the HTML`;
		return null;
	},
	clientJsPage: '/directory'
};
