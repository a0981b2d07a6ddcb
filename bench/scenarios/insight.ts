/**
 * Insight: /insight for staff over a large portfolio (1,000,000 activity rows, 100,000
 * applications, 5,000 trainings, 20,000 registrations) as a page and through the API. The app
 * serves each filter's kept report snapshot (computed again once what it counts changes, and by the
 * job queue once five minutes old);
 * the seed computes the snapshots the runs ask for, as a first visit would. The baseline runs the
 * statements the page's load runs (the snapshot row, the programmes and the impact areas of the
 * filter form) through the raw driver, with no SvelteKit, session, validation, table model or
 * rendering. A first visit to a new filter set computes the whole report in the request: the seed
 * prints how long that takes through the raw driver, and the burst times it through the page.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pg-proxy';
import { activityEvents } from '#lib/server/activity/schema.ts';
import type { Database } from '#lib/server/db/client.ts';
import type { Db } from '#lib/server/db/types.ts';
import { organisations } from '#lib/server/directory/schema.ts';
import { engagementRequests } from '#lib/server/engagement/schema.ts';
import { eventFeedback, eventRegistrations, events, eventTerms } from '#lib/server/events/schema.ts';
import { ACCELERATOR_CALL, MINI_GRANT_CALL } from '#lib/server/grants/programmes.ts';
import { grantApplications, grantAssignments, grantAwards, grantCalls, grantProgrammes, grantTranches } from '#lib/server/grants/schema.ts';
import { users } from '#lib/server/identity/schema.ts';
import { refreshInsightRollups } from '#lib/server/insight/refresh-rollups.ts';
import { listImpactAreas } from '#lib/server/insight/list-impact-areas.ts';
import { listReportProgrammes } from '#lib/server/insight/report-programmes.ts';
import { changedSince, computeFigures, refreshSnapshot, snapshotKey } from '#lib/server/insight/report-snapshot.ts';
import { insightSnapshots, outcomeActuals, outcomeIndicators, outcomeReviews } from '#lib/server/insight/schema.ts';
import { strategies } from '#lib/server/toolkit/schema.ts';
import { callDefinition } from '#lib/validation/grants.ts';
import type { InsightQuery } from '#lib/validation/insight-report.ts';
import { benchUser, insertBatched, prng, type Credentials, type Query, type Scenario } from '../scenario.ts';

const ACTIVITY = 1_000_000;
const APPLICATIONS = 100_000;
const ORGANISATIONS = 2_000;
const EVENTS = 5_000;
const REGISTRATIONS = 20_000;
const REQUESTS = 5_000;
const STRATEGIES = 2_000;
const INDICATORS = 3_000;
const REVIEWERS = 25;

const COUNTRIES: [string, string][] = [['KE', 'africa'], ['SN', 'africa'], ['GH', 'africa'], ['MX', 'latin_america_caribbean'], ['CO', 'latin_america_caribbean'], ['PY', 'latin_america_caribbean'], ['UA', 'europe_central_asia'], ['MD', 'europe_central_asia'], ['NP', 'asia_pacific'], ['PH', 'asia_pacific'], ['LB', 'middle_east_north_africa']];
const KINDS = ['civil_society', 'civil_society', 'government', 'media', 'academia', 'business'];
const STATUSES = ['submitted', 'screening', 'in_review', 'in_review', 'decision', 'awarded', 'declined', 'declined', 'withdrawn', 'closed', 'draft'] as const;
const DECIDED = new Set(['awarded', 'declined', 'closed']);
const AREAS = ['competition', 'savings', 'service_delivery', 'governance_trust'];
const OUTCOMES = ['achieved', 'on_track', 'off_track', 'not_achieved', 'too_early'] as const;

// What staff look at: the default page, a year breakdown of one region, a programme by kind.
const year = new Date().getUTCFullYear();
const QUERIES = ['by=country', 'by=year&region=africa', `by=kind&programme=rapid-response&from=${year - 1}-01-01&to=${year}-12-31`];
// First visits: filter sets nobody asked for before (no snapshot yet), as heavy as the ones above.
const COLD = ['by=country&from=' + `${year - 2}-01-02`, `by=year&region=africa&from=${year - 2}-01-03`, `by=kind&programme=rapid-response&from=${year - 1}-01-02&to=${year}-12-31`];
const COLD_PAGE = ['by=region&from=' + `${year - 2}-01-04`, `by=year&region=asia_pacific&from=${year - 2}-01-05`, `by=country&kind=media&from=${year - 1}-01-03`, `by=kind&from=${year - 2}-01-06`, `by=country&region=africa&from=${year - 2}-01-07`];

/** The filters as the app's validation would give them, without running it. */
function parse(url: URL): InsightQuery {
	const p = url.searchParams;
	return {
		from: p.get('from') || `${year - 2}-01-01`,
		to: p.get('to') || `${year}-12-31`,
		region: (p.get('region') ?? '') as InsightQuery['region'],
		country: p.get('country') ?? '',
		kind: (p.get('kind') ?? '') as InsightQuery['kind'],
		programme: p.get('programme') ?? '',
		by: (p.get('by') ?? 'country') as InsightQuery['by']
	};
}

async function seedInsight(database: Database): Promise<Credentials> {
	const { db } = database;
	const rnd = prng(20_261_129);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
	const now = Date.now();
	const ago = (maxDays: number) => new Date(now - rnd() * maxDays * 86_400_000);
	const credentials = await benchUser(database);

	const callIds: string[] = [];
	for (const raw of [MINI_GRANT_CALL, { ...ACCELERATOR_CALL, rolling: true }]) {
		const d = callDefinition.parse(raw);
		const [p] = await db.insert(grantProgrammes).values({ slug: d.programme.slug, name: d.programme.name, description: d.programme.description }).returning();
		const [c] = await db
			.insert(grantCalls)
			.values({ programmeId: p.id, slug: d.slug, title: d.title, summary: d.summary, rolling: d.rolling, timeZone: d.timeZone, currency: d.currency, budget: d.budget * 50, maxAward: d.maxAward, languages: d.languages, whoMayApply: d.whoMayApply, screener: d.screener, stages: d.stages, decisionTargetDays: d.decisionTargetDays, reportMonths: d.reportMonths })
			.returning();
		callIds.push(c.id);
	}

	const orgIds: string[] = [];
	await insertBatched(
		(function* () {
			for (let i = 1; i <= ORGANISATIONS; i++) {
				const [country, region] = pick(COUNTRIES);
				yield { id: randomUUID(), reference: `SH-I${String(i).padStart(5, '0')}`, name: `Partner ${i}`, kind: pick(KINDS), country, region, sensitive: rnd() < 0.03, listedPublicly: rnd() < 0.3 };
			}
		})(),
		async (batch) => {
			for (const o of batch) orgIds.push(o.id);
			await db.insert(organisations).values(batch);
		}
	);

	const reviewerIds = Array.from({ length: REVIEWERS }, () => randomUUID());
	await db.insert(users).values(reviewerIds.map((id, i) => ({ id, name: `Reviewer ${i + 1}`, email: `reviewer${i}@bench.example.org`, role: 'reviewer' })));

	const awards: { id: string; applicationId: string; amount: number; at: Date }[] = [];
	const assignments: { applicationId: string; reviewerId: string; status: 'pending' | 'reviewed' | 'conflict' }[] = [];
	await insertBatched(
		(function* () {
			for (let i = 0; i < APPLICATIONS; i++) {
				const status = pick(STATUSES);
				const mini = rnd() < 0.8;
				const submittedAt = status === 'draft' ? null : ago(3 * 365);
				const decidedAt = submittedAt && DECIDED.has(status) ? new Date(submittedAt.getTime() + (2 + rnd() * 30) * 86_400_000) : null;
				const id = randomUUID();
				const amount = mini ? 500 + Math.floor(rnd() * 45) * 100 : 20_000 + Math.floor(rnd() * 130) * 1000;
				if ((status === 'awarded' || status === 'closed') && decidedAt) awards.push({ id: randomUUID(), applicationId: id, amount, at: decidedAt });
				if (['in_review', 'decision', 'awarded', 'declined', 'closed'].includes(status) && rnd() < 0.5)
					assignments.push({ applicationId: id, reviewerId: pick(reviewerIds), status: status === 'in_review' ? 'pending' : rnd() < 0.05 ? 'conflict' : 'reviewed' });
				// Last changed when decided or submitted (drafts a year ago), as on a hub in use: not all at
				// once during the seed, which would have the funnel roll-up's minute job read every one again.
				const updatedAt = decidedAt ?? submittedAt ?? new Date(now - 365 * 86_400_000);
				yield { id, callId: mini ? callIds[0] : callIds[1], organisationId: pick(orgIds), status, title: `Application ${i}`, answers: {}, requestedAmount: amount, revision: submittedAt ? 1 : 0, submittedAt, decidedAt, decisionDueAt: submittedAt ? new Date(submittedAt.getTime() + 14 * 86_400_000) : null, updatedAt };
			}
		})(),
		(batch) => db.insert(grantApplications).values(batch)
	);
	await insertBatched(awards, (batch) => db.insert(grantAwards).values(batch.map((a) => ({ id: a.id, applicationId: a.applicationId, amount: a.amount, currency: 'USD', awardedAt: a.at }))));
	await insertBatched(
		awards.filter(() => rnd() < 0.6),
		(batch) => db.insert(grantTranches).values(batch.map((a) => ({ awardId: a.id, plannedDate: a.at.toISOString().slice(0, 10), plannedAmount: a.amount, paidDate: a.at.toISOString().slice(0, 10), paidAmount: a.amount })))
	);
	await insertBatched(assignments, (batch) => db.insert(grantAssignments).values(batch.map((a) => ({ ...a, stageIndex: 0 }))));

	await insertBatched(
		(function* () {
			for (let i = 0; i < REQUESTS; i++) {
				const decided = rnd() < 0.6;
				yield { organisationId: pick(orgIds), status: decided ? ('decided' as const) : ('submitted' as const), kinds: ['funding'], goal: `Goal ${i}`, country: 'KE', submittedAt: ago(3 * 365), decision: decided ? pick(['invest', 'decline', 'not_now'] as const) : null, rationale: decided ? 'Bench' : null, decidedAt: decided ? ago(365) : null };
			}
		})(),
		(batch) => db.insert(engagementRequests).values(batch)
	);
	await insertBatched(
		(function* () {
			for (let i = 0; i < STRATEGIES; i++) yield { organisationId: pick(orgIds), title: `Strategy ${i}`, updatedAt: ago(3 * 365) };
		})(),
		(batch) => db.insert(strategies).values(batch)
	);

	const formats = await db.insert(eventTerms).values(['open_webinar', 'closed_clinic', 'workshop'].map((code) => ({ kind: 'format' as const, code, name: { en: code.replace('_', ' ') } }))).returning();
	const levels = await db.insert(eventTerms).values(['beginner', 'advanced'].map((code) => ({ kind: 'level' as const, code, name: { en: code } }))).returning();
	const eventIds: string[] = [];
	await insertBatched(
		(function* () {
			for (let i = 0; i < EVENTS; i++) {
				const startsAt = new Date(now - (rnd() * 3 * 365 - 60) * 86_400_000);
				yield { id: randomUUID(), title: `Training ${i}`, formatId: pick(formats).id, levelId: pick(levels).id, languages: [pick(['en', 'es', 'fr'])], startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), timeZone: 'UTC', status: 'published' as const };
			}
		})(),
		async (batch) => {
			for (const e of batch) eventIds.push(e.id);
			await db.insert(events).values(batch);
		}
	);
	const registrationIds: { id: string; eventId: string }[] = [];
	await insertBatched(
		(function* () {
			for (let i = 0; i < REGISTRATIONS; i++) {
				const id = randomUUID();
				const eventId = pick(eventIds);
				registrationIds.push({ id, eventId });
				const guest = rnd() < 0.2;
				yield { id, eventId, name: `Attendee ${i}`, email: `a${i}@bench.example.org`, organisationId: guest ? null : pick(orgIds), country: guest ? pick(COUNTRIES)[0] : '', tokenHash: `bench-${i}`, consentAt: new Date(), status: rnd() < 0.85 ? ('confirmed' as const) : ('cancelled' as const), attended: rnd() < 0.7 };
			}
		})(),
		(batch) => db.insert(eventRegistrations).values(batch)
	);
	await insertBatched(registrationIds.filter(() => rnd() < 0.25), (batch) => db.insert(eventFeedback).values(batch.map((r) => ({ eventId: r.eventId, registrationId: r.id, rating: 1 + Math.floor(rnd() * 5) }))));

	const indicators = Array.from({ length: INDICATORS }, (_, i) => ({ id: randomUUID(), subjectType: 'grant' as const, subjectId: awards[i % awards.length].id, organisationId: pick(orgIds), impactArea: pick(AREAS), measure: `Measure ${i}`, baseline: 10, target: 50, targetDate: '2027-12-31' }));
	await insertBatched(indicators, (batch) => db.insert(outcomeIndicators).values(batch));
	const actuals = indicators.flatMap((ind) => [0, 1].map(() => ({ id: randomUUID(), indicatorId: ind.id, source: 'check_in' as const, value: 10 + rnd() * 50, observedOn: '2026-06-30' })));
	await insertBatched(actuals, (batch) => db.insert(outcomeActuals).values(batch));
	await insertBatched(actuals, (batch) => db.insert(outcomeReviews).values(batch.map((a) => ({ actualId: a.id, status: pick(OUTCOMES), note: 'Bench reading', createdAt: ago(365) }))));

	// The activity log is the hub's largest table; the report must not slow down as it grows.
	await insertBatched(
		(function* () {
			for (let i = 0; i < ACTIVITY; i++) yield { subjectType: 'application', subjectId: randomUUID(), organisationId: orgIds[i % orgIds.length], action: 'status_changed', createdAt: ago(3 * 365) };
		})(),
		(batch) => db.insert(activityEvents).values(batch),
		5_000
	);
	await database.db.execute('VACUUM ANALYZE');
	let t = performance.now();
	await refreshInsightRollups(db);
	console.log(`insight: funnel roll-up built in ${Math.round(performance.now() - t)} ms`);
	for (const path of QUERIES) {
		t = performance.now();
		await refreshSnapshot(db, parse(new URL(`http://x/insight?${path}`)));
		console.log(`insight: snapshot ${path} computed in ${Math.round(performance.now() - t)} ms`);
	}
	// The same computation once more through the raw driver: the bare floor of a first visit.
	for (const path of COLD) {
		t = performance.now();
		await computeFigures(bare(rawQuery(database)), parse(new URL(`http://x/insight?${path}`)));
		console.log(`insight: first visit ${path} computed bare in ${Math.round(performance.now() - t)} ms`);
	}
	return credentials;
}

/** The raw driver under a seeded database (pg pool or PGlite client), as the baseline gets it. */
function rawQuery(database: Database): Query {
	const client = (database.db as unknown as { $client: { query: (...a: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> } }).$client;
	if (database.kind === 'pglite') return (text, params, options) => client.query(text, params, options);
	return (text, params, options) => (options?.rowMode ? client.query({ text, values: params, rowMode: options.rowMode }) : client.query(text, params));
}

/** A Drizzle handle over the raw driver: the same statement builders, no app around them. */
const bare = (query: Query) => drizzle(async (text, params, method) => ({ rows: (await query(text, params, method === 'all' ? { rowMode: 'array' } : undefined)).rows as never })) as unknown as Db;

export const insight: Scenario = {
	name: 'insight',
	dataset: { activityEvents: ACTIVITY, applications: APPLICATIONS, organisations: ORGANISATIONS, events: EVENTS, registrations: REGISTRATIONS },
	seed: seedInsight,
	baseline: {
		paths: QUERIES.map((q) => `/insight?${q}`),
		// What the page's load runs once a snapshot is kept: the snapshot row (and whether anything it
		// counts changed since) and the filter form's lists.
		async handle(query, url) {
			const db = bare(query);
			const [[row], programmes, areas] = await Promise.all([
				db.select({ figures: insightSnapshots.figures, computedAt: insightSnapshots.computedAt, changed: changedSince }).from(insightSnapshots).where(eq(insightSnapshots.key, snapshotKey(parse(url)))),
				listReportProgrammes(db),
				listImpactAreas(db)
			]);
			return { ...(row.figures as object), programmes, areas, asOf: row.computedAt };
		}
	},
	targets: [
		{ name: 'api', auth: 'token', paths: QUERIES.map((q) => `/api/v1/insight?${q}`) },
		{ name: 'page', auth: 'session', paths: QUERIES.map((q) => `/insight?${q}`) }
	],
	// First visits through the page, one at a time: each computes its report in the request.
	async burst({ origin, cookie }) {
		const times: number[] = [];
		const problems: string[] = [];
		for (const path of COLD_PAGE) {
			const t = performance.now();
			const res = await fetch(`${origin}/insight?${path}`, { headers: { cookie, accept: 'text/html' } });
			await res.text();
			times.push(performance.now() - t);
			if (res.status !== 200) problems.push(`first visit ${path} → ${res.status}`);
		}
		times.sort((a, b) => a - b);
		return { lines: [`first visit of a new filter set through the page: p50 ${Math.round(times[Math.floor(times.length / 2)])} ms, slowest ${Math.round(times.at(-1)!)} ms (${times.length}, one at a time)`], problems };
	},
	check(target, body, baseline) {
		const expected = (baseline as { support: { total: { requests: number; registrations: number } } }).support.total;
		if (target.name === 'api') {
			const got = JSON.parse(body).support.total;
			if (got.requests !== expected.requests || got.registrations !== expected.registrations) return `totals ${JSON.stringify(got)} ≠ baseline ${JSON.stringify(expected)}`;
		}
		if (target.name === 'page' && !body.includes('role="img"')) return 'no chart in the HTML';
		return null;
	}
};
