/**
 * The requests portfolio: the SSR page and the JSON API, filtered as staff filter it, against the
 * portfolio's own two statements (a page of 50 and the count) run bare, for a programme officer.
 * 5,000 requests, each with 3 submitted assessments of 11 criteria (165,000 scores).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { COUNTRY_CODES } from '#lib/countries.ts';
import { REQUEST_KINDS } from '#lib/engagement-codes.ts';
import { REGIONS } from '#lib/roles.ts';
import type { Database } from '#lib/server/db/client.ts';
import { organisations } from '#lib/server/directory/schema.ts';
import { currentCriteriaSet } from '#lib/server/engagement/criteria-set.ts';
import { portfolioStatements } from '#lib/server/engagement/list-requests.ts';
import { consolidate } from '#lib/server/engagement/result.ts';
import { engagementAssessments, engagementRequests, engagementScores } from '#lib/server/engagement/schema.ts';
import { ANONYMOUS, type Actor } from '#lib/server/identity/actor.ts';
import { users } from '#lib/server/identity/schema.ts';
import { portfolioQuery } from '#lib/validation/engagement.ts';
import { benchUser, insertBatched, prng, type Credentials, type Scenario } from '../scenario.ts';

const REQUESTS = 5_000;
const ASSESSORS_PER_REQUEST = 3;
const ASSESSOR_POOL = 30;
const PARTNERS = 1_000;
const CRITERIA = 11;

// Filters as the portfolio's users combine them: everything, by status, by band, by gate and
// region, by kind and country, and a narrow combination.
const QUERIES = ['', 'status=in_assessment', 'band=invest', 'gate=blocked&region=africa', 'kind=funding&country=KE', 'status=decided&band=discuss'];

const qb = new QueryBuilder();
const OFFICER: Actor = { kind: 'user', userId: 'bench', name: '', email: '', role: 'programme_officer', locale: 'en', timeZone: 'UTC', memberships: new Map(), via: 'token' };

async function seedEngagement(database: Database): Promise<Credentials> {
	const { db } = database;
	const rnd = prng(20_261_122);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
	const now = Date.now();
	const credentials = await benchUser(database);
	const set = await currentCriteriaSet(db, ANONYMOUS);

	const assessorIds = Array.from({ length: ASSESSOR_POOL }, () => randomUUID());
	await db.insert(users).values(assessorIds.map((id, i) => ({ id, name: `Assessor ${i}`, email: `assessor${i}@bench.example.org`, emailVerified: true, role: i % 5 === 0 ? 'external_reviewer' : 'reviewer' })));

	const countries = ['KE', 'NG', 'GH', 'MX', 'CO', 'SN', 'PH', 'UA', 'NP', ...COUNTRY_CODES.slice(0, 20)];
	const orgs = Array.from({ length: PARTNERS }, (_, i) => ({
		id: randomUUID(),
		reference: `SH-E${String(i).padStart(5, '0')}`,
		name: `Partner ${i}`,
		kind: 'civil_society',
		country: pick(countries),
		region: pick(REGIONS),
		sensitive: rnd() < 0.03
	}));
	await insertBatched(orgs, (batch) => db.insert(organisations).values(batch));

	const requests: (typeof engagementRequests.$inferInsert)[] = [];
	const assessments: (typeof engagementAssessments.$inferInsert)[] = [];
	const scores: (typeof engagementScores.$inferInsert)[] = [];
	for (let i = 0; i < REQUESTS; i++) {
		const org = pick(orgs);
		const id = randomUUID();
		const quality = rnd() * 4;
		const answers: Record<string, number | null>[] = [];
		const chosen = new Set<string>();
		while (chosen.size < ASSESSORS_PER_REQUEST) chosen.add(pick(assessorIds));
		for (const assessorId of chosen) {
			const assessmentId = randomUUID();
			assessments.push({ id: assessmentId, requestId: id, assessorId, criteriaSetId: set.id, submittedAt: new Date(now - rnd() * 1e9) });
			const levels: Record<string, number | null> = {};
			for (const c of set.criteria.slice(0, CRITERIA)) {
				const level = rnd() < 0.05 ? null : Math.max(0, Math.min(4, Math.round(quality + (rnd() - 0.5) * 2)));
				levels[c.key] = level;
				scores.push({ assessmentId, criterion: c.key, level, confidence: pick(['low', 'medium', 'high'] as const), note: `Evidence ${i}` });
			}
			answers.push(levels);
		}
		const r = consolidate(set, answers);
		const status = pick(['in_assessment', 'in_assessment', 'decided', 'decided', 'more_info'] as const);
		const decided = status !== 'in_assessment';
		requests.push({
			id,
			organisationId: org.id,
			status,
			kinds: rnd() < 0.4 ? [pick(REQUEST_KINDS), pick(REQUEST_KINDS)].filter((k, j, a) => a.indexOf(k) === j) : [pick(REQUEST_KINDS)],
			goal: `Publish every contract of sector ${i % 17} as open data by ${2026 + (i % 3)}, owned by the procurement office`,
			country: org.country,
			criteriaSetId: set.id,
			score: r.score,
			band: r.band,
			gate: r.gate,
			decision: decided ? (status === 'more_info' ? 'more_info' : pick(['invest', 'decline', 'not_now'] as const)) : null,
			rationale: decided ? 'Recorded for the bench.' : null,
			submittedAt: new Date(now - rnd() * 3e10),
			updatedAt: new Date(now - rnd() * 3e10)
		});
	}
	await insertBatched(requests, (batch) => db.insert(engagementRequests).values(batch));
	await insertBatched(assessments, (batch) => db.insert(engagementAssessments).values(batch));
	await insertBatched(scores, (batch) => db.insert(engagementScores).values(batch));
	await db.execute(sql`VACUUM ANALYZE`);
	return credentials;
}

export const engagement: Scenario = {
	name: 'engagement',
	dataset: { requests: REQUESTS, assessments: REQUESTS * ASSESSORS_PER_REQUEST, scores: REQUESTS * ASSESSORS_PER_REQUEST * CRITERIA, partners: PARTNERS },
	seed: seedEngagement,
	baseline: {
		paths: QUERIES.map((q) => `/engagement-requests?${q}`),
		async handle(query, url) {
			const q = portfolioQuery.parse(Object.fromEntries(url.searchParams));
			const s = portfolioStatements(qb, OFFICER, q);
			const rows = s.rows.toSQL();
			const total = s.total.toSQL();
			const [r, counted] = await Promise.all([query(rows.sql, rows.params), query(total.sql, total.params)]);
			return { items: r.rows, total: Number(Object.values(counted.rows[0])[0]), page: q.page, pageSize: q.pageSize };
		}
	},
	targets: [
		{ name: 'api', auth: 'token', paths: QUERIES.map((q) => `/api/v1/engagement-requests?${q}`) },
		{ name: 'page', auth: 'session', paths: QUERIES.map((q) => `/requests?${q}`) }
	],
	check(target, body, baseline) {
		const expected = baseline as { total: number; items: { goal: string }[] };
		if (target.name === 'api' && JSON.parse(body).total !== expected.total) return `total ${JSON.parse(body).total} ≠ baseline ${expected.total}`;
		if (target.name === 'page' && expected.items[0] && !body.includes(expected.items[0].goal.slice(0, 40))) return `first request "${expected.items[0].goal}" not in the HTML`;
		return null;
	},
	clientJsPage: '/requests'
};
