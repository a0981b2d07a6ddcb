/**
 * Advocacy toolkit: library searches over 20,000 resources, a fifth of them in three languages (page and API) against the library's
 * own two statements run bare; and one strategy's pages with 200 stakeholders and 500 activities
 * against the same reads run bare. The power-map page's client JavaScript is reported.
 */
import { sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Database } from '#lib/server/db/client.ts';
import { memberships, organisations } from '#lib/server/directory/schema.ts';
import { newReference } from '#lib/server/directory/partner-label.ts';
import { makeStrategy } from '#lib/server/seed/toolkit-factories.ts';
import type { Actor } from '#lib/server/identity/actor.ts';
import { visibleStrategyStatement } from '#lib/server/toolkit/find-strategy.ts';
import { powerMapStatement } from '#lib/server/toolkit/get-power-map.ts';
import { stepStatements } from '#lib/server/toolkit/get-strategy-step.ts';
import { libraryStatements } from '#lib/server/toolkit/list-resources.ts';
import { versionKey } from '#lib/server/toolkit/resource-versions.ts';
import { resources } from '#lib/server/toolkit/schema.ts';
import { RESOURCE_TOPICS, RESOURCE_TYPES } from '#lib/toolkit-codes.ts';
import type { LibraryQuery, PlanQuery } from '#lib/validation/toolkit.ts';
import { benchUser, insertBatched, prng, type Scenario } from '../scenario.ts';

export const RESOURCES = 20_000;
export const STAKEHOLDERS = 200;
export const ACTIVITIES = 500;
const PAGE_SIZE = 20;

const WORDS = {
	en: { title: ['Guide to', 'Evidence on', 'Template for', 'Case study:', 'Brief on'], subject: ['open contracting', 'procurement data', 'health purchases', 'road contracts', 'beneficial ownership', 'budget transparency'], body: 'Practical advice for advocates working with procurement agencies on publishing contracts, tenders and awards, with examples from {s}.' },
	es: { title: ['Guía de', 'Evidencia sobre', 'Plantilla para', 'Estudio de caso:', 'Nota sobre'], subject: ['contrataciones abiertas', 'datos de compras', 'compras de salud', 'contratos viales', 'beneficiarios finales', 'transparencia presupuestaria'], body: 'Consejos prácticos para quienes hacen incidencia con las agencias de compras sobre la publicación de contratos y licitaciones, con ejemplos de {s}.' },
	fr: { title: ['Guide de', 'Preuves sur', 'Modèle pour', 'Étude de cas :', 'Note sur'], subject: ['commande publique ouverte', 'données des marchés', 'achats de santé', 'marchés routiers', 'bénéficiaires effectifs', 'transparence budgétaire'], body: 'Conseils pratiques pour le plaidoyer auprès des agences d’achat sur la publication des contrats et des appels d’offres, avec des exemples de {s}.' }
} as const;
const PLACES = ['Kenya', 'México', 'Sénégal', 'Ukraine', 'Colombia', 'Ghana', 'Paraguay', 'Nepal'];

// Searches in each language: a stemmed word, a prefix while typing, a two-word search, filters.
const QUERIES = ['q=procurement', 'q=contrataciones&language=es', 'q=march%C3%A9s&type=evidence', 'q=salud%20compras', 'q=contra&topic=health', 'type=template&topic=budget'];

async function seedLibrary(database: Database) {
	const { db } = database;
	const rand = prng(606);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
	const langs = ['en', 'es', 'fr'] as const;
	await insertBatched(
		(function* () {
			for (let i = 0; i < RESOURCES; i++) {
				// Most items exist in one language; every fifth in all three.
				const versions = i % 5 === 0 ? langs : [langs[i % 3]];
				const text: Record<string, string> = {};
				for (const language of versions) {
					const w = WORDS[language];
					const subject = pick(w.subject);
					text[versionKey('title', language)] = `${pick(w.title)} ${subject} ${i + 1}`;
					text[versionKey('summary', language)] = `${subject} — ${pick(PLACES)}`;
					text[versionKey('body', language)] = w.body.replace('{s}', pick(PLACES));
				}
				yield {
					type: pick(RESOURCE_TYPES),
					...text,
					topics: [pick(RESOURCE_TOPICS), pick(RESOURCE_TOPICS)].filter((t, k, all) => all.indexOf(t) === k),
					countries: [pick(['KE', 'MX', 'SN', 'UA', 'CO', 'GH'])]
				};
			}
		})(),
		(batch) => db.insert(resources).values(batch)
	);
	await db.execute(sql`VACUUM ANALYZE resources`);
	return benchUser(database);
}

const qb = new QueryBuilder();
function librarySql(url: URL) {
	const p = url.searchParams;
	const query = { q: (p.get('q') ?? '').trim(), type: p.get('type') ?? '', topic: p.get('topic') ?? '', language: p.get('language') ?? '', country: '', page: 1, pageSize: PAGE_SIZE } as LibraryQuery;
	const s = libraryStatements(qb, query, 'en');
	return { rows: s.rows.toSQL(), total: s.total.toSQL() };
}

export const toolkitLibrary: Scenario = {
	name: 'toolkit',
	dataset: { resources: RESOURCES },
	seed: seedLibrary,
	baseline: {
		paths: QUERIES.map((q) => `/resources?${q}`),
		async handle(query, url) {
			const s = librarySql(url);
			const [rows, counted] = await Promise.all([query(s.rows.sql, s.rows.params), query(s.total.sql, s.total.params)]);
			return { items: rows.rows, total: Number(Object.values(counted.rows[0])[0]), page: 1, pageSize: PAGE_SIZE };
		}
	},
	targets: [
		{ name: 'api', auth: 'token', paths: QUERIES.map((q) => `/api/v1/resources?${q}`) },
		{ name: 'page', auth: 'none', paths: QUERIES.map((q) => `/library?${q}`) }
	],
	check(target, body, baseline) {
		const expected = baseline as { total: number; items: Record<string, string | null>[] };
		if (target.name === 'api' && JSON.parse(body).total !== expected.total) return `total ${JSON.parse(body).total} ≠ baseline ${expected.total}`;
		// The bench reads in English: the English version's title, or the first the item has.
		const first = expected.items[0] && (expected.items[0].title_en ?? expected.items[0].title_es ?? expected.items[0].title_fr);
		if (target.name === 'page' && first && !body.includes(first)) return `first result "${first}" not in the HTML`;
		return null;
	}
};

/** Fixed so that the targets' paths can name it before the database is seeded. */
const STRATEGY_ID = '5e1ec7ed-b3c4-4d00-8000-000000000200';

async function seedStrategy(database: Database) {
	const { db } = database;
	const credentials = await benchUser(database, 'member', 'bench-member@example.org');
	const [org] = await db
		.insert(organisations)
		.values({ name: 'Bench Advocacy Coalition', kind: 'civil_society', country: 'KE', region: 'africa', languages: ['en'], reference: newReference() })
		.returning();
	await db.insert(memberships).values({ organisationId: org.id, userId: credentials.userId, role: 'owner' });
	await makeStrategy(db, { id: STRATEGY_ID, organisationId: org.id, title: 'Bench strategy', stakeholders: STAKEHOLDERS, activities: ACTIVITIES, steps: { 1: { problem: 'A problem' }, 2: { goal: 'The ministry publishes 100% of contracts by 2027.' } } });
	await db.execute(sql`VACUUM ANALYZE`);
	return credentials;
}

// What every strategy page reads first: the strategy, if the reader may see it, with their role on it.
// Built by the use case's own function, for the bench's member (looked up once, as a session cache would).
function headSql(reader: string) {
	const actor: Actor = { kind: 'user', userId: reader, name: '', email: '', role: 'member', locale: 'en', timeZone: 'UTC', memberships: new Map(), via: 'session' };
	return visibleStrategyStatement(qb, actor, STRATEGY_ID).toSQL();
}

// The rest of what getStrategy reads (the API's whole strategy), as SQL.
const STRATEGY_READS = [
	`SELECT st.step, st.content, st.version, st.updated_at, u.name FROM strategy_steps st LEFT JOIN users u ON u.id = st.updated_by WHERE st.strategy_id = $1 ORDER BY st.step`,
	`SELECT * FROM strategy_stakeholders WHERE strategy_id = $1 ORDER BY name, id`,
	`SELECT * FROM strategy_tactics WHERE strategy_id = $1 ORDER BY created_at, id`,
	`SELECT * FROM strategy_messages WHERE strategy_id = $1 ORDER BY created_at, id`,
	`SELECT * FROM strategy_activities WHERE strategy_id = $1 ORDER BY start_date ASC NULLS LAST, due_date ASC NULLS LAST, title, id`,
	`SELECT * FROM strategy_monitoring WHERE strategy_id = $1 ORDER BY entry_date DESC NULLS LAST, created_at`,
	`SELECT m.user_id, u.name, m.role, c.role AS strategy_role FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN strategy_collaborators c ON c.user_id = m.user_id AND c.strategy_id = $1 WHERE m.organisation_id = (SELECT organisation_id FROM strategies WHERE id = $1) ORDER BY u.name`
].map((text) => ({ sql: text, params: [STRATEGY_ID] }));

/** Each page's own reads, from the use cases' statement functions: the power map's one, the plan's five. */
function pageReads(url: URL) {
	if (url.pathname === '/power-map') return [powerMapStatement(qb, STRATEGY_ID).toSQL()];
	if (url.pathname === '/plan') {
		const query = { status: url.searchParams.get('status') ?? '', page: Number(url.searchParams.get('page') ?? 1) } as PlanQuery;
		return Object.values(stepStatements(qb, STRATEGY_ID, 3, query)).map((s) => s.toSQL());
	}
	return STRATEGY_READS;
}

// The baseline runs in its own process. Like the app, it reads the strategy first, then the page's part of it together.
let reader = '';
export const toolkitStrategy: Scenario = {
	name: 'toolkit-strategy',
	dataset: { stakeholders: STAKEHOLDERS, activities: ACTIVITIES },
	seed: seedStrategy,
	baseline: {
		paths: ['/strategy'],
		async handle(query, url) {
			reader ||= String((await query(`SELECT id FROM users WHERE email = $1`, ['bench-member@example.org'])).rows[0]?.id ?? '');
			const head = headSql(reader);
			const found = await query(head.sql, head.params);
			const rest = await Promise.all(pageReads(url).map((s) => query(s.sql, s.params)));
			if (url.pathname === '/plan') return { strategy: found.rows[0] ?? null, activities: rest[rest.length - 1].rows };
			return { strategy: found.rows[0] ?? null, rows: rest.map((r) => r.rows.length) };
		}
	},
	targets: [
		{ name: 'api', auth: 'session', paths: [`/api/v1/strategies/${STRATEGY_ID}`] },
		{ name: 'power-map', auth: 'session', paths: [`/toolkit/${STRATEGY_ID}/power-map`], baselinePaths: ['/power-map'] },
		// The plan as a planner pages it: the first page of all activities, a later page, one status.
		{ name: 'plan', auth: 'session', paths: [`/toolkit/${STRATEGY_ID}/step/3`, `/toolkit/${STRATEGY_ID}/step/3?page=6`, `/toolkit/${STRATEGY_ID}/step/3?status=done`], baselinePaths: ['/plan', '/plan?page=6', '/plan?status=done'] }
	],
	check(target, body, baseline) {
		if (target.name === 'api') {
			const s = JSON.parse(body) as { stakeholders: unknown[]; activities: unknown[] };
			return s.stakeholders.length === STAKEHOLDERS && s.activities.length === ACTIVITIES ? null : `${s.stakeholders.length} stakeholders, ${s.activities.length} activities`;
		}
		if (target.name === 'power-map' && !body.includes('Stakeholder 200')) return 'the 200th stakeholder is not on the power map page';
		if (target.name === 'plan') {
			const rows = (baseline as { activities: { title: string }[] }).activities;
			const missing = rows.find((r) => !body.includes(r.title));
			if (missing) return `"${missing.title}" (on the baseline's first page) is not on the plan page`;
			const shown = body.split('<select id="status-').length - 1;
			if (shown !== rows.length) return `${shown} activities on the plan page, ${rows.length} on the baseline's`;
		}
		return null;
	},
	clientJsPage: `/toolkit/${STRATEGY_ID}/power-map`
};

export const TOOLKIT_SCENARIOS = [toolkitLibrary, toolkitStrategy];
