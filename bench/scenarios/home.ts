/**
 * The officer's home over a busy hub — 100,000 applications, 5,000 support requests and 5,000
 * events with their registrations, reports and clinic requests — against the home's own
 * statements (one row of counts and one short list per section) run bare: the default home, with
 * the grant work of the calls the officer leads (40 %), and everyone's work (`/?scope=all`).
 */
import { randomUUID } from 'node:crypto';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Database } from '#lib/server/db/client.ts';
import { organisations } from '#lib/server/directory/schema.ts';
import { engagementAssessments, engagementRequests } from '#lib/server/engagement/schema.ts';
import { currentCriteriaSet } from '#lib/server/engagement/criteria-set.ts';
import { clinicRequests, eventRegistrations, events } from '#lib/server/events/schema.ts';
import { MINI_GRANT_CALL } from '#lib/server/grants/programmes.ts';
import { grantApplications, grantAwards, grantCalls, grantProgrammes, grantReports } from '#lib/server/grants/schema.ts';
import { addWorkingDays } from '#lib/server/grants/working-days.ts';
import { officerHomeStatements } from '#lib/server/home/officer-home.ts';
import { ANONYMOUS, type UserActor } from '#lib/server/identity/actor.ts';
import { makeTerm } from '#lib/server/seed/events-factories.ts';
import { callDefinition } from '#lib/validation/grants.ts';
import { benchUser, insertBatched, prng, type Credentials, type Query, type Scenario } from '../scenario.ts';

const APPLICATIONS = 100_000;
const REQUESTS = 5_000;
const EVENTS = 5_000;
const ORGANISATIONS = 2_000;
const EMAIL = 'bench-officer@example.org';
const DAY = 86_400_000;
const APP_STATUSES = ['submitted', 'screening', 'in_review', 'in_review', 'decision', 'awarded', 'declined', 'declined', 'withdrawn', 'closed', 'draft'] as const;
const REQUEST_STATUSES = ['draft', 'submitted', 'in_assessment', 'in_assessment', 'more_info', 'decided', 'decided', 'decided'] as const;

const qb = new QueryBuilder();
const officer = (userId: string): UserActor => ({ kind: 'user', userId, name: '', email: EMAIL, role: 'programme_officer', locale: 'en', timeZone: 'UTC', memberships: new Map(), via: 'session' });

async function seedHome(database: Database): Promise<Credentials> {
	const { db } = database;
	const rnd = prng(20_261_129);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
	const now = Date.now();
	const credentials = await benchUser(database, 'programme_officer', EMAIL);
	const me = credentials.userId;

	// Two programmes: the bench officer leads one, a colleague the other, so that the default home
	// ("mine") and everyone's work (?scope=all) select different rows.
	const colleague = await benchUser(database, 'programme_officer', 'bench-colleague@example.org');
	const d = callDefinition.parse(MINI_GRANT_CALL);
	const callIds: string[] = [];
	for (const [n, lead] of [me, colleague.userId].entries()) {
		const [programme] = await db.insert(grantProgrammes).values({ slug: `${d.programme.slug}-${n}`, name: d.programme.name, description: d.programme.description, leadUserId: lead }).returning();
		const [call] = await db
			.insert(grantCalls)
			.values({
				programmeId: programme.id, slug: `${d.slug}-${n}`, title: d.title, summary: d.summary, rolling: d.rolling, timeZone: d.timeZone, currency: d.currency, budget: d.budget,
				maxAward: d.maxAward, languages: d.languages, whoMayApply: d.whoMayApply, screener: d.screener, stages: d.stages, decisionTargetDays: d.decisionTargetDays, reportMonths: d.reportMonths
			})
			.returning();
		callIds.push(call.id);
	}

	const orgIds: string[] = [];
	await insertBatched(
		(function* () {
			for (let i = 1; i <= ORGANISATIONS; i++) {
				const id = randomUUID();
				orgIds.push(id);
				yield { id, reference: `SH-H${String(i).padStart(5, '0')}`, name: `Budget monitors ${i}`, kind: 'civil_society', country: 'KE', region: 'africa' as const, languages: ['en'], sensitive: rnd() < 0.03 };
			}
		})(),
		(batch) => db.insert(organisations).values(batch)
	);

	const awarded: { id: string; callId: string }[] = [];
	await insertBatched(
		(function* () {
			for (let i = 0; i < APPLICATIONS; i++) {
				const status = pick(APP_STATUSES);
				const id = randomUUID();
				const submittedAt = status === 'draft' ? null : new Date(now - rnd() * 2 * 365 * DAY);
				const callId = rnd() < 0.4 ? callIds[0] : callIds[1];
				if (status === 'awarded' || status === 'closed') awarded.push({ id, callId });
				yield {
					id, callId, organisationId: pick(orgIds), status, title: `Open the ${pick(['road', 'school', 'clinic', 'water'])} contracts of district ${i % 997}`,
					requestedAmount: 500 + Math.floor(rnd() * 45) * 100, revision: submittedAt ? 1 : 0, submittedAt,
					decisionDueAt: submittedAt && rnd() < 0.8 ? addWorkingDays(submittedAt, 10, 'America/New_York') : null, createdBy: me
				};
			}
		})(),
		(batch) => db.insert(grantApplications).values(batch)
	);
	const awardIds: { id: string; callId: string }[] = [];
	await insertBatched(
		awarded.map(({ id: applicationId, callId }) => {
			const id = randomUUID();
			awardIds.push({ id, callId });
			return { id, applicationId, amount: 4000, currency: 'USD', awardedAt: new Date(now - rnd() * 365 * DAY) };
		}),
		(batch) => db.insert(grantAwards).values(batch)
	);
	// Two reports per grant, due within a year either side of today; most past ones are in.
	await insertBatched(
		awardIds.flatMap(({ id: awardId, callId }) =>
			[0, 1].map(() => {
				const due = new Date(now + (rnd() * 2 - 1) * 365 * DAY);
				return { awardId, callId, dueDate: due.toISOString().slice(0, 10), submittedAt: due.getTime() < now && rnd() < 0.9 ? due : null };
			})
		),
		(batch) => db.insert(grantReports).values(batch)
	);

	const set = await currentCriteriaSet(db, ANONYMOUS);
	const requests = Array.from({ length: REQUESTS }, (_, i) => {
		const status = pick(REQUEST_STATUSES);
		return {
			id: randomUUID(), organisationId: pick(orgIds), status, kinds: ['funding'], goal: `Publish every ${pick(['health', 'roads', 'energy'])} contract of region ${i} by 2027`, country: 'KE',
			gate: status === 'in_assessment' ? pick(['clear', 'clear', 'blocked', 'unknown'] as const) : null, criteriaSetId: status === 'draft' ? null : set.id,
			decision: status === 'decided' ? ('decline' as const) : null, rationale: status === 'decided' ? 'Not now' : null, submittedAt: status === 'draft' ? null : new Date(now - rnd() * 365 * DAY)
		};
	});
	await insertBatched(requests, (batch) => db.insert(engagementRequests).values(batch));
	await insertBatched(
		requests.filter((r) => r.status === 'in_assessment').map((r) => ({ requestId: r.id, assessorId: me, criteriaSetId: set.id, submittedAt: rnd() < 0.5 ? new Date() : null })),
		(batch) => db.insert(engagementAssessments).values(batch)
	);
	await insertBatched(
		Array.from({ length: 300 }, () => ({ organisationId: pick(orgIds), problem: 'A hard problem', language: 'en', status: pick(['requested', 'scheduled', 'scheduled', 'declined'] as const) })),
		(batch) => db.insert(clinicRequests).values(batch)
	);

	const format = await makeTerm(db, { kind: 'format', code: 'learning_circle' });
	const eventRows = Array.from({ length: EVENTS }, (_, i) => {
		const startsAt = new Date(now + Math.round((rnd() * 2 - 1) * 365) * DAY + Math.floor(rnd() * 24) * 3_600_000);
		return {
			id: randomUUID(), title: `Learning circle ${i}`, formatId: format.id, timeZone: 'UTC', startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000),
			capacity: 20, confirmedCount: 3, approvalRequired: rnd() < 0.3, status: 'published' as const, createdBy: rnd() < 0.2 ? me : null
		};
	});
	await insertBatched(eventRows, (batch) => db.insert(events).values(batch));
	await insertBatched(
		eventRows.flatMap((e) =>
			Array.from({ length: 4 }, (_, j) => ({
				eventId: e.id, name: `Guest ${j}`, email: `guest${j}-${e.id.slice(0, 8)}@example.org`, status: e.approvalRequired && j === 3 ? ('pending' as const) : ('confirmed' as const),
				tokenHash: randomUUID(), consentAt: new Date()
			}))
		),
		(batch) => db.insert(eventRegistrations).values(batch)
	);
	await db.execute('VACUUM ANALYZE');
	return credentials;
}

// The baseline learns the bench officer's id once, as the app learns it from the session.
let me: Promise<string> | undefined;
const officerId = (query: Query) => (me ??= query('SELECT id FROM users WHERE email = $1', [EMAIL]).then((r) => String(r.rows[0].id)));

export const home: Scenario = {
	name: 'home',
	dataset: { applications: APPLICATIONS, requests: REQUESTS, events: EVENTS, organisations: ORGANISATIONS },
	seed: seedHome,
	baseline: {
		paths: ['/'],
		async handle(query, url) {
			const s = officerHomeStatements(qb, officer(await officerId(query)), new Date(), url.searchParams.get('scope') === 'all' ? 'all' : 'mine');
			const run = (q: { toSQL(): { sql: string; params: unknown[] } }) => {
				const { sql, params } = q.toSQL();
				return query(sql, params).then((r) => r.rows);
			};
			const [counts, ...lists] = await Promise.all([s.counts, s.applications, s.requests, s.gate, s.clinics, s.registrations, s.reports, s.events, s.messages].map(run));
			// Columns are not aliased in the rendered SQL: the counts come back in the order selected.
			return { counts: Object.values(counts[0]).map(Number), lists };
		}
	},
	targets: [
		{ name: 'mine', auth: 'session', paths: ['/'] },
		{ name: 'all', auth: 'session', paths: ['/?scope=all'], baselinePaths: ['/?scope=all'] }
	],
	check(_target, body, baseline) {
		const [applications] = (baseline as { counts: number[] }).counts;
		return body.includes(`>${applications}</span>`) ? null : `the count of ${applications} applications is not on the home`;
	}
};
