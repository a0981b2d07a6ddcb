/**
 * Calls and grants: the staff application list over 100,000 applications (filters and sorts) as
 * a page and through the API, and the public register, against the same statements run bare.
 * A burst then has 200 mini-grant drafts submitted at once: every acknowledged submission must
 * be stored, with no errors.
 */
import { randomUUID } from 'node:crypto';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Database } from '#lib/server/db/client.ts';
import { memberships, organisations } from '#lib/server/directory/schema.ts';
import { applicationListStatements, countedTotal, PAGE_SIZE } from '#lib/server/grants/list-applications.ts';
import { registerQuery } from '#lib/server/grants/list-register.ts';
import { ACCELERATOR_CALL, MINI_GRANT_CALL } from '#lib/server/grants/programmes.ts';
import { grantApplications, grantAwards, grantCalls, grantProgrammes } from '#lib/server/grants/schema.ts';
import { addWorkingDays } from '#lib/server/grants/working-days.ts';
import type { Actor } from '#lib/server/identity/actor.ts';
import { miniGrantAnswers } from '#lib/server/seed/grants-factories.ts';
import { APPLICATION_SORTS, callDefinition, type ApplicationQuery } from '#lib/validation/grants.ts';
import { benchUser, insertBatched, prng, type Credentials, type Scenario } from '../scenario.ts';

const APPLICATIONS = 100_000;
const ORGANISATIONS = 2_000;
const BURST = 200;
export const MINI_CALL_ID = '6a1f0c2e-0000-4000-8000-000000000001';
export const ACC_CALL_ID = '6a1f0c2e-0000-4000-8000-000000000002';
/** The drafts the burst submits have known ids, so the burst needs no lookup. */
const burstId = (i: number) => `6a1f0c2e-0000-4000-8000-${String(100 + i).padStart(12, '0')}`;

export const STATUSES = ['submitted', 'screening', 'in_review', 'in_review', 'decision', 'awarded', 'declined', 'declined', 'withdrawn', 'closed', 'draft'] as const;
export const WORDS = ['water', 'roads', 'health', 'schools', 'budget', 'contracts', 'medicines', 'housing', 'energy', 'transport', 'procurement', 'data'];
export const VERBS = ['Publish', 'Monitor', 'Open', 'Audit', 'Track', 'Reform'];

// Staff filters and sorts, each on an index: status + submission date, call + status, title words.
export const QUERIES = [
	'status=in_review&sort=-submitted',
	`call=${MINI_CALL_ID}&status=decision&sort=-submitted`,
	'status=submitted&sort=submitted',
	'q=medicines%20contr&sort=-submitted',
	'status=awarded&sort=-amount'
];

const qb = new QueryBuilder();
const STAFF: Actor = { kind: 'user', userId: 'bench', name: '', email: '', role: 'programme_officer', locale: 'en', timeZone: 'UTC', memberships: new Map(), via: 'token' };

function parse(url: URL): ApplicationQuery {
	const p = url.searchParams;
	const sort = (APPLICATION_SORTS as readonly string[]).includes(p.get('sort') ?? '') ? (p.get('sort') as ApplicationQuery['sort']) : '-submitted';
	return { status: (p.get('status') ?? '') as ApplicationQuery['status'], call: p.get('call') ?? '', q: (p.get('q') ?? '').trim().slice(0, 200), sort, page: 1 };
}

/** The two calls every application belongs to: the mini-grant call and a rolling accelerator call. */
export async function seedCalls(database: Database) {
	const { db } = database;
	for (const [id, raw] of [[MINI_CALL_ID, MINI_GRANT_CALL], [ACC_CALL_ID, { ...ACCELERATOR_CALL, rolling: true }]] as const) {
		const d = callDefinition.parse(raw);
		const [p] = await db.insert(grantProgrammes).values({ slug: d.programme.slug, name: d.programme.name, description: d.programme.description }).returning();
		await db.insert(grantCalls).values({
			id, programmeId: p.id, slug: d.slug, title: d.title, summary: d.summary, rolling: d.rolling, timeZone: d.timeZone, currency: d.currency,
			budget: d.budget, maxAward: d.maxAward, languages: d.languages, whoMayApply: d.whoMayApply, screener: d.screener, stages: d.stages,
			decisionTargetDays: d.decisionTargetDays, reportMonths: d.reportMonths
		});
	}
}

async function seedGrants(database: Database): Promise<Credentials> {
	const { db } = database;
	const rnd = prng(20_261_122);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
	const now = Date.now();
	const credentials = await benchUser(database);

	await seedCalls(database);

	const orgIds: string[] = [];
	await insertBatched(
		(function* () {
			for (let i = 1; i <= ORGANISATIONS; i++)
				yield { id: randomUUID(), reference: `SH-G${String(i).padStart(5, '0')}`, name: `${pick(VERBS)} ${pick(WORDS)} coalition ${i}`, kind: 'civil_society', country: 'KE', region: 'africa' as const, languages: ['en'], sensitive: rnd() < 0.03 };
		})(),
		async (batch) => {
			for (const o of batch) orgIds.push(o.id);
			await db.insert(organisations).values(batch);
		}
	);

	const awarded: { applicationId: string; amount: number; at: Date }[] = [];
	await insertBatched(
		(function* () {
			for (let i = 0; i < APPLICATIONS; i++) {
				const status = pick(STATUSES);
				const mini = rnd() < 0.8;
				const submittedAt = status === 'draft' ? null : new Date(now - rnd() * 3 * 365 * 86_400_000);
				const amount = mini ? 500 + Math.floor(rnd() * 45) * 100 : 20_000 + Math.floor(rnd() * 130) * 1000;
				const id = randomUUID();
				const title = `${pick(VERBS)} ${pick(WORDS)} ${pick(WORDS)} in district ${i % 997}`;
				if ((status === 'awarded' || status === 'closed') && submittedAt) awarded.push({ applicationId: id, amount, at: new Date(submittedAt.getTime() + 12 * 86_400_000) });
				yield {
					id, callId: mini ? MINI_CALL_ID : ACC_CALL_ID, organisationId: pick(orgIds), status, title, answers: { goal: title }, requestedAmount: amount, revision: submittedAt ? 1 : 0,
					submittedAt, decisionDueAt: mini && submittedAt ? addWorkingDays(submittedAt, 10, 'America/New_York') : null, createdBy: credentials.userId
				};
			}
		})(),
		(batch) => db.insert(grantApplications).values(batch)
	);
	await insertBatched(awarded, (batch) => db.insert(grantAwards).values(batch.map((a) => ({ applicationId: a.applicationId, amount: a.amount, currency: 'USD', awardedAt: a.at }))));

	// The burst's applicants: the bench user belongs to 200 organisations, each with a complete draft.
	const burstOrgs = orgIds.slice(0, BURST);
	await db.insert(memberships).values(burstOrgs.map((organisationId) => ({ organisationId, userId: credentials.userId, role: 'owner' as const })));
	await db.insert(grantApplications).values(
		burstOrgs.map((organisationId, i) => ({
			id: burstId(i), callId: MINI_CALL_ID, organisationId, status: 'draft' as const, title: `Burst campaign ${i}`,
			answers: miniGrantAnswers({ goal: `Burst campaign ${i}` }), requestedAmount: 4000,
			screenerAnswers: { goal: 'yes', mandate: 'yes', plan: 'yes', manager: 'yes' }, createdBy: credentials.userId
		}))
	);
	await database.db.execute('VACUUM ANALYZE');
	return credentials;
}

export const grants: Scenario = {
	name: 'grants',
	dataset: { applications: APPLICATIONS, organisations: ORGANISATIONS, burstSubmissions: BURST },
	seed: seedGrants,
	baseline: {
		paths: [...QUERIES.map((q) => `/applications?${q}`), '/register'],
		async handle(query, url) {
			if (url.pathname === '/register') {
				const s = registerQuery(qb, { limit: 200 }).toSQL();
				return { items: (await query(s.sql, s.params)).rows };
			}
			const q = parse(url);
			const s = applicationListStatements(qb, STAFF, q);
			const rows = s.rows.toSQL();
			const counted = s.total?.toSQL();
			const [r, c] = await Promise.all([query(rows.sql, rows.params), counted ? query(counted.sql, counted.params) : null]);
			// Columns are not aliased in the rendered SQL; the count is the only column of its statement.
			const { total, exact } = countedTotal(q.page, r.rows.length, c ? Number(Object.values(c.rows[0])[0]) : null, s.cap);
			return { items: r.rows.slice(0, PAGE_SIZE), total, totalExact: exact };
		}
	},
	targets: [
		{ name: 'api', auth: 'token', paths: QUERIES.map((q) => `/api/v1/applications?${q}`) },
		{ name: 'page', auth: 'session', paths: QUERIES.map((q) => `/grants?${q}`) },
		{ name: 'register', auth: 'none', paths: ['/register'] }
	],
	check(target, body, baseline) {
		const expected = baseline as { total: number };
		if (target.name === 'api' && JSON.parse(body).total !== expected.total) return `total ${JSON.parse(body).total} ≠ baseline ${expected.total}`;
		if (target.name === 'page' && !new RegExp(`>[^<]*\\b${expected.total} `).test(body)) return `the count ${expected.total} is not in the HTML`;
		return null;
	},
	clientJsPage: '/grants',
	// A draft of the bench user's, before the burst submits it: the application form.
	journeyPages: () => [`/grants/applications/${burstId(0)}/edit`],
	async burst({ origin, cookie }) {
		const started = Date.now();
		const answers = await Promise.all(
			Array.from({ length: BURST }, async (_, i) => {
				try {
					const res = await fetch(`${origin}/api/v1/applications/${burstId(i)}/transitions`, {
						method: 'POST',
						// As the hub's own pages send it: a cookie-borne write without it is refused as cross-site.
						headers: { cookie, origin, 'content-type': 'application/json' },
						body: JSON.stringify({ transition: 'submit', version: 1 })
					});
					return { i, status: res.status, body: await res.text() };
				} catch (e) {
					return { i, status: 0, body: String(e) };
				}
			})
		);
		const ms = Date.now() - started;
		const acknowledged = answers.filter((a) => a.status === 200);
		const problems = answers.filter((a) => a.status !== 200).slice(0, 5).map((a) => `submission ${a.i} → ${a.status} ${a.body.slice(0, 200)}`);
		const errors = answers.length - acknowledged.length;
		if (errors) problems.unshift(`${errors} of ${BURST} submissions failed`);
		let stored = 0;
		for (const a of acknowledged) {
			const res = await fetch(`${origin}/api/v1/applications/${burstId(a.i)}`, { headers: { cookie } });
			const app = res.ok ? ((await res.json()) as { status: string; revision: number }) : null;
			if (app?.status === 'submitted' && app.revision === 1) stored++;
			else problems.push(`acknowledged submission ${a.i} is not stored as submitted (${res.status})`);
		}
		return { lines: [`${BURST} concurrent submissions in ${ms} ms: ${acknowledged.length} acknowledged, ${stored} stored, ${errors} errors`], problems };
	}
};
