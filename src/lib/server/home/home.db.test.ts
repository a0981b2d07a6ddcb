import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { clinicRequests, eventRegistrations } from '../events/schema.ts';
import { eq } from 'drizzle-orm';
import { grantApplications, grantAssignments, grantAwards, grantCalls, grantProgrammes, grantReports, grantTranches } from '../grants/schema.ts';
import { ANONYMOUS, type UserActor } from '../identity/actor.ts';
import { makeAssessments, makeRequest } from '../seed/engagement-factories.ts';
import { makeEvent, makeTerm } from '../seed/events-factories.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeMiniGrantCall } from '../seed/grants-factories.ts';
import { makeStrategy } from '../seed/toolkit-factories.ts';
import { actorFor } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { getHome } from './get-home.ts';
import { monthOf } from './month.ts';

// Each role's home after one shared setup: two partners (one sensitive), work in every state.
// Every home lists its person's items and nothing of anyone else's; the sensitive partner's name
// reaches only those entitled to it.

const SENSITIVE = 'Quiet Harbour Monitors';
const OPEN_NAME = 'Lakeside Budget Watch';
const DAY = 86_400_000;
const now = new Date();
const month = monthOf(now, 'UTC');
const lastMonth = new Date(now.getTime() - 40 * DAY).toISOString().slice(0, 10);
const nextMonth = new Date(`${month.next}T00:00:00Z`).getTime() + 5 * DAY;

let database: Database;
let officer: UserActor, admin: UserActor, reviewer: UserActor, external: UserActor, finance: UserActor, memberA: UserActor, memberB: UserActor, otherOfficer: UserActor;
const ids: Record<string, string> = {};
const as = (a: unknown) => a as UserActor;

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	const call = await makeMiniGrantCall(db);
	ids.call = call.id;
	const orgA = await makeOrganisation(db, { name: OPEN_NAME, kind: 'civil_society' });
	const orgB = await makeOrganisation(db, { name: SENSITIVE, kind: 'civil_society', sensitive: true });
	ids.orgA = orgA.id;
	ids.refB = orgB.reference;
	officer = as(await actorFor(db, 'programme_officer'));
	otherOfficer = as(await actorFor(db, 'programme_officer'));
	admin = as(await actorFor(db, 'admin'));
	reviewer = as(await actorFor(db, 'reviewer'));
	external = as(await actorFor(db, 'external_reviewer'));
	finance = as(await actorFor(db, 'finance'));
	memberA = as(await actorFor(db, 'member', [[orgA.id, 'owner']]));
	memberB = as(await actorFor(db, 'member', [[orgB.id, 'owner']]));

	const app = async (key: string, organisationId: string, status: (typeof grantApplications.$inferInsert)['status'], dueInDays: number | null) => {
		const [a] = await db
			.insert(grantApplications)
			.values({
				callId: call.id, organisationId, status, title: `Application ${key}`, revision: status === 'draft' ? 0 : 1,
				submittedAt: status === 'draft' ? null : new Date(now.getTime() - 20 * DAY),
				decisionDueAt: dueInDays === null ? null : new Date(now.getTime() + dueInDays * DAY)
			})
			.returning();
		ids[key] = a.id;
		return a;
	};
	await app('lateA', orgA.id, 'submitted', -3);
	await app('soonB', orgB.id, 'decision', 4);
	await app('reviewB', orgB.id, 'in_review', 6);
	await app('draftA', orgA.id, 'draft', null);
	await app('infoA', orgA.id, 'more_information', 8);
	const awardedA = await app('awardedA', orgA.id, 'awarded', null);
	const awardedB = await app('awardedB', orgB.id, 'awarded', null);

	const [awardA] = await db.insert(grantAwards).values({ applicationId: awardedA.id, amount: 4000, currency: 'USD' }).returning();
	const [awardB] = await db.insert(grantAwards).values({ applicationId: awardedB.id, amount: 3000, currency: 'USD' }).returning();
	const [reportA] = await db.insert(grantReports).values({ awardId: awardA.id, callId: awardedA.callId, dueDate: month.today }).returning();
	const [reportB] = await db.insert(grantReports).values({ awardId: awardB.id, callId: awardedB.callId, dueDate: lastMonth }).returning();
	await db.insert(grantReports).values({ awardId: awardB.id, callId: awardedB.callId, dueDate: new Date(nextMonth).toISOString().slice(0, 10) });
	ids.reportA = reportA.id;
	ids.reportB = reportB.id;
	const [dueTranche] = await db.insert(grantTranches).values({ awardId: awardA.id, plannedDate: month.today, plannedAmount: 2000 }).returning();
	const [lateTranche] = await db.insert(grantTranches).values({ awardId: awardB.id, plannedDate: lastMonth, plannedAmount: 1500 }).returning();
	const [paidTranche] = await db.insert(grantTranches).values({ awardId: awardA.id, plannedDate: month.start, plannedAmount: 2000, paidDate: month.start, paidAmount: 2000 }).returning();
	const [laterTranche] = await db.insert(grantTranches).values({ awardId: awardB.id, plannedDate: new Date(nextMonth).toISOString().slice(0, 10), plannedAmount: 1500 }).returning();
	Object.assign(ids, { dueTranche: dueTranche.id, lateTranche: lateTranche.id, paidTranche: paidTranche.id, laterTranche: laterTranche.id });

	await db.insert(grantAssignments).values([
		{ applicationId: ids.reviewB, stageIndex: 0, reviewerId: reviewer.userId, status: 'pending' },
		{ applicationId: ids.reviewB, stageIndex: 0, reviewerId: external.userId, status: 'clear' },
		{ applicationId: ids.lateA, stageIndex: 0, reviewerId: otherOfficer.userId, status: 'pending' }
	]);

	const submittedA = await makeRequest(db, { organisationId: orgA.id, status: 'submitted', goal: 'Open the school meals contracts of the county', submittedAt: now });
	const draftA = await makeRequest(db, { organisationId: orgA.id, status: 'draft', goal: 'Draft goal of the lakeside team' });
	const gatedB = await makeRequest(db, { organisationId: orgB.id, status: 'in_assessment', gate: 'blocked', goal: 'Monitor the harbour dredging contracts', submittedAt: now });
	const decidedA = await makeRequest(db, { organisationId: orgA.id, status: 'decided', decision: 'decline', rationale: 'Not now', goal: 'An old decided request' });
	await makeAssessments(db, gatedB.id, [
		{ assessorId: reviewer.userId, levels: { physical_security: 1 } },
		{ assessorId: external.userId, levels: {}, submitted: false }
	]);
	Object.assign(ids, { submittedA: submittedA.id, draftReqA: draftA.id, gatedB: gatedB.id, decidedA: decidedA.id });

	const [clinic] = await db.insert(clinicRequests).values({ organisationId: orgB.id, requestedBy: memberB.userId, problem: 'Pressure on our monitors', language: 'en' }).returning();
	ids.clinic = clinic.id;

	const format = await makeTerm(db, { kind: 'format', code: 'circle', name: { en: 'Learning circle', fr: 'Cercle d’apprentissage' } });
	await makeTerm(db, { kind: 'level', code: 'foundations', name: { en: 'Foundations', fr: 'Fondamentaux' } });
	const mine = await makeEvent(db, { title: 'Coalitions that last', formatId: format.id, createdBy: officer.userId, inHours: 72, capacity: 12, approvalRequired: true });
	const theirs = await makeEvent(db, { title: 'Someone else’s webinar', formatId: format.id, createdBy: otherOfficer.userId, inHours: 24 });
	const later = await makeEvent(db, { title: 'Far away session', formatId: format.id, createdBy: officer.userId, inHours: 24 * 30 });
	const clinicEvent = await makeEvent(db, { title: 'Private clinic for the harbour team', formatId: format.id, createdBy: officer.userId, organisationId: orgB.id, inHours: 96 });
	Object.assign(ids, { mine: mine.id, theirs: theirs.id, later: later.id, clinicEvent: clinicEvent.id });
	await db.insert(eventRegistrations).values([
		{ eventId: mine.id, userId: memberA.userId, name: 'A', email: 'a@example.org', status: 'pending', tokenHash: randomUUID(), consentAt: now },
		{ eventId: theirs.id, userId: memberB.userId, name: 'B', email: 'b@example.org', status: 'confirmed', tokenHash: randomUUID(), consentAt: now }
	]);

	const strategy = await makeStrategy(db, { organisationId: orgA.id, title: 'Lakeside procurement campaign' });
	const strategyB = await makeStrategy(db, { organisationId: orgB.id, title: 'Harbour campaign' });
	Object.assign(ids, { strategy: strategy.id, strategyB: strategyB.id });
});
afterAll(() => database.close());

const home = async (a: UserActor | typeof ANONYMOUS, locale = 'en') => getHome(database.db, a, locale, now);
const text = (x: unknown) => JSON.stringify(x);

describe('the officer’s home', () => {
	it('lists applications awaiting screening or decision, overdue first, with counts', async () => {
		const h = await home(officer);
		if (h.kind !== 'officer') throw new Error(h.kind);
		expect(h.applications.map((a) => a.id)).toEqual([ids.lateA, ids.soonB]);
		expect(h.applications[0].clock?.overdue).toBe(true);
		expect(h.applications[1].clock?.overdue).toBe(false);
		expect(h.counts).toMatchObject({ applications: 2, overdueApplications: 1, requests: 2, gate: 1, clinics: 1, registrations: 1, reports: 2, overdueReports: 1, events: 2 });
	});

	it('lists requests to assign or decide, the gate warning, the clinic request and pending registrations', async () => {
		const h = await home(officer);
		if (h.kind !== 'officer') throw new Error(h.kind);
		expect(h.requests.map((r) => r.id).sort()).toEqual([ids.submittedA, ids.gatedB].sort());
		expect(h.requests.find((r) => r.id === ids.gatedB)).toMatchObject({ assessors: 2, assessed: 1 });
		expect(h.gate.map((r) => r.id)).toEqual([ids.gatedB]);
		expect(h.clinics.map((c) => c.id)).toEqual([ids.clinic]);
		expect(h.registrations).toEqual([expect.objectContaining({ id: ids.mine, pending: 1 })]);
	});

	it('lists reports due this month and overdue, and only the events this officer organises in the next 14 days', async () => {
		const h = await home(officer);
		if (h.kind !== 'officer') throw new Error(h.kind);
		expect(h.reports.map((r) => [r.id, r.overdue])).toEqual([
			[ids.reportB, true],
			[ids.reportA, false]
		]);
		expect(h.events.map((e) => e.id)).toEqual([ids.mine, ids.clinicEvent]);
		expect(h.events[0]).toMatchObject({ capacity: 12, confirmed: 0 });
		const other = await home(otherOfficer);
		if (other.kind !== 'officer') throw new Error(other.kind);
		expect(other.events.map((e) => e.id)).toEqual([ids.theirs]);
	});

	it('names the sensitive partner: staff are entitled to it; an admin gets the same home', async () => {
		const h = await home(officer);
		expect(text(h)).toContain(SENSITIVE);
		const a = await home(admin);
		expect(a.kind).toBe('officer');
	});

	it('shows the grant work of the calls the officer leads; another lead’s calls only when asked for all', async () => {
		const db = database.db;
		const [{ programmeId }] = await db.select({ programmeId: grantCalls.programmeId }).from(grantCalls).where(eq(grantCalls.id, ids.call));
		await db.update(grantProgrammes).set({ leadUserId: otherOfficer.userId }).where(eq(grantProgrammes.id, programmeId));
		try {
			const mine = await getHome(db, officer, 'en', now, 'mine');
			if (mine.kind !== 'officer') throw new Error(mine.kind);
			expect(mine.scope).toBe('mine');
			expect(mine.applications).toEqual([]);
			expect(mine.reports).toEqual([]);
			expect(mine.counts).toMatchObject({ applications: 0, overdueApplications: 0, reports: 0, overdueReports: 0, requests: 2 });
			const all = await getHome(db, officer, 'en', now, 'all');
			if (all.kind !== 'officer') throw new Error(all.kind);
			expect(all.applications.map((x) => x.id)).toEqual([ids.lateA, ids.soonB]);
			expect(all.counts).toMatchObject({ applications: 2, reports: 2 });
			const lead = await getHome(db, otherOfficer, 'en', now, 'mine');
			if (lead.kind !== 'officer') throw new Error(lead.kind);
			expect(lead.applications.map((x) => x.id)).toEqual([ids.lateA, ids.soonB]);
		} finally {
			await db.update(grantProgrammes).set({ leadUserId: null }).where(eq(grantProgrammes.id, programmeId));
		}
	});
});

describe('a partner member’s home', () => {
	it('shows their organisation’s open requests, applications and grants with the next step each needs', async () => {
		const h = await home(memberA);
		if (h.kind !== 'partner') throw new Error(h.kind);
		expect(h.organisations.map((o) => o.name)).toEqual([OPEN_NAME]);
		const [o] = h.organisations;
		expect(Object.fromEntries(o.requests.map((r) => [r.id, r.next]))).toEqual({ [ids.submittedA]: 'wait', [ids.draftReqA]: 'submit' });
		expect(Object.fromEntries(o.applications.map((a) => [a.id, a.next]))).toEqual({ [ids.lateA]: 'wait', [ids.draftA]: 'submit', [ids.infoA]: 'answer' });
		expect(o.grants).toEqual([expect.objectContaining({ applicationId: ids.awardedA, next: 'report', nextReport: month.today, reportOverdue: false })]);
		expect(o.strategies.map((s) => s.id)).toEqual([ids.strategy]);
		expect(o.calls.length).toBe(1);
		expect(h.registrations.map((r) => r.eventId)).toEqual([ids.mine]);
	});

	it('shows nothing of another organisation’s', async () => {
		const h = await home(memberA);
		const all = text(h);
		for (const key of ['soonB', 'reviewB', 'awardedB', 'gatedB', 'strategyB', 'theirs', 'clinicEvent']) expect(all).not.toContain(ids[key]);
		expect(all).not.toContain(SENSITIVE);
	});

	it('the sensitive partner’s own member sees its name and its overdue report', async () => {
		const h = await home(memberB);
		if (h.kind !== 'partner') throw new Error(h.kind);
		expect(h.organisations.map((o) => o.name)).toEqual([SENSITIVE]);
		expect(h.organisations[0].grants[0]).toMatchObject({ applicationId: ids.awardedB, nextReport: lastMonth, reportOverdue: true });
		expect(text(h)).not.toContain(ids.lateA);
	});
});

describe('a reviewer’s home', () => {
	it('lists the applications and requests assigned and not yet declared or scored, and what was submitted', async () => {
		const h = await home(reviewer);
		if (h.kind !== 'reviewer') throw new Error(h.kind);
		expect(h.reviews.map((r) => [r.applicationId, r.status])).toEqual([[ids.reviewB, 'pending']]);
		expect(h.reviews[0].dueAt).toBeInstanceOf(Date);
		expect(h.assessments).toEqual([]);
		expect(h.recent.map((r) => [r.kind, r.id])).toEqual([['request', ids.gatedB]]);
		// A reviewer not on the partner's need-to-know list reads the sensitive partner by its reference.
		expect(h.reviews[0].organisation).toContain(ids.refB);
		expect(text(h)).not.toContain(SENSITIVE);
		expect(text(h)).not.toContain(ids.lateA);
	});

	it('an external reviewer sees their own assignments, the sensitive partner only by its reference', async () => {
		const h = await home(external);
		if (h.kind !== 'reviewer') throw new Error(h.kind);
		expect(h.reviews.map((r) => [r.applicationId, r.status])).toEqual([[ids.reviewB, 'clear']]);
		expect(h.assessments.map((a) => a.requestId)).toEqual([ids.gatedB]);
		expect(h.reviews[0].organisation).toContain(ids.refB);
		expect(text(h)).not.toContain(SENSITIVE);
	});
});

describe('finance’s home', () => {
	it('lists payments planned this month and late, and those paid this month, and no later one', async () => {
		const h = await home(finance);
		if (h.kind !== 'finance') throw new Error(h.kind);
		expect(h.due.map((t) => [t.id, t.overdue])).toEqual([
			[ids.lateTranche, true],
			[ids.dueTranche, false]
		]);
		expect(h.paid.map((t) => t.id)).toEqual([ids.paidTranche]);
		expect(text(h)).not.toContain(ids.laterTranche);
	});
});

describe('the visitor’s front door', () => {
	it('presents formats, levels, the next open sessions and open calls in the reader’s language, never a private clinic', async () => {
		const h = await home(ANONYMOUS, 'fr');
		if (h.kind !== 'visitor') throw new Error(h.kind);
		expect(h.formats.map((f) => f.name)).toContain('Cercle d’apprentissage');
		expect(h.levels.map((f) => f.name)).toContain('Fondamentaux');
		expect(h.sessions.map((s) => s.id)).toEqual([ids.theirs, ids.mine, ids.later]);
		expect(h.calls).toEqual([expect.objectContaining({ maxAward: 5000, decisionDays: 10 })]);
		expect(text(h)).not.toContain(SENSITIVE);
	});
});
