import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import type { Database } from '../db/client.ts';
import type { Actor } from '../identity/actor.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { ELIGIBLE_MINI, makeMiniGrantCall, miniGrantAnswers } from '../seed/grants-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { assignReviewer } from './assign-reviewer.ts';
import { awardGrant } from './award-grant.ts';
import { declareInterest } from './declare-interest.ts';
import { getApplication } from './get-application.ts';
import { listApplications } from './list-applications.ts';
import { listRegister } from './list-register.ts';
import { planTranche } from './plan-tranche.ts';
import { recordPayment } from './record-payment.ts';
import { saveAnswers } from './save-answers.ts';
import { setDecisionTarget } from './set-decision-target.ts';
import { grantApplications, grantRevisions } from './schema.ts';
import { startApplication } from './start-application.ts';
import { startApplicationFromPlan } from './start-application-from-plan.ts';
import { submitReport } from './submit-report.ts';
import { submitReview } from './submit-review.ts';
import { transitionApplication } from './transition-application.ts';
import { toThreeSixtyGiving, toThreeSixtyGivingCsv } from './three-sixty-giving.ts';

let database: Database;
let callId: string;
let officer: Actor;
let finance: Actor;
let orgId: string;
let applicant: Actor;

const uid = (a: Actor) => (a.kind === 'user' ? a.userId : '');

beforeAll(async () => {
	database = await freshDatabase();
	const call = await makeMiniGrantCall(database.db);
	callId = call.id;
	officer = await actorFor(database.db, 'programme_officer');
	finance = await actorFor(database.db, 'finance');
	const org = await makeOrganisation(database.db, { name: 'Ciudad Abierta', kind: 'civil_society' });
	orgId = org.id;
	applicant = await actorFor(database.db, 'member', [[org.id, 'owner']]);
});
afterAll(() => database.close());

async function submitted() {
	const app = await startApplication(database.db, applicant, { callId, organisationId: orgId, screener: ELIGIBLE_MINI });
	await saveAnswers(database.db, applicant, app.id, { answers: miniGrantAnswers() });
	return transitionApplication(database.db, applicant, app.id, { transition: 'submit', version: 1 });
}

describe('applying', () => {
	it('an ineligible applicant is told which condition failed, and nothing is created', async () => {
		const before = (await database.db.select({ n: count() }).from(grantApplications))[0].n;
		const err = await startApplication(database.db, applicant, { callId, organisationId: orgId, screener: { ...ELIGIBLE_MINI, manager: 'no' } }).catch((e) => e);
		expect(err.code).toBe('INVALID_INPUT');
		expect(Object.keys(err.fields)).toEqual(['screener.manager']);
		expect((await database.db.select({ n: count() }).from(grantApplications))[0].n).toBe(before);
	});

	it('a draft is saved as it goes and submitted once complete; submission freezes revision 1, mails the applicant and starts the clock', async () => {
		const app = await startApplication(database.db, applicant, { callId, organisationId: orgId, screener: ELIGIBLE_MINI });
		await saveAnswers(database.db, applicant, app.id, { answers: { goal: 'Half done' } });
		const refused = await transitionApplication(database.db, applicant, app.id, { transition: 'submit', version: 1 }).catch((e) => e);
		expect(refused.code).toBe('INVALID_INPUT');
		expect(refused.fields.mandate).toBeTruthy();
		await saveAnswers(database.db, applicant, app.id, { answers: miniGrantAnswers() });
		const after = await transitionApplication(database.db, applicant, app.id, { transition: 'submit', version: 1 });
		expect(after).toMatchObject({ status: 'submitted', revision: 1, requestedAmount: 4000, title: 'The city adopts an open contracting policy' });
		expect(after.decisionDueAt!.getTime()).toBeGreaterThan(after.submittedAt!.getTime() + 10 * 86400000);
		const revs = await database.db.select().from(grantRevisions).where(eq(grantRevisions.applicationId, app.id));
		expect(revs.map((r) => r.revision)).toEqual([1]);
		const mails = await database.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'grant_submitted'));
		expect(mails.length).toBeGreaterThan(0);
	});

	it('budget over the cap without a justification is refused at submission', async () => {
		const app = await startApplication(database.db, applicant, { callId, organisationId: orgId, screener: ELIGIBLE_MINI });
		await saveAnswers(database.db, applicant, app.id, { answers: miniGrantAnswers({ budget: [{ item: 'Staff', amount: 7000 }] }) });
		const err = await transitionApplication(database.db, applicant, app.id, { transition: 'submit', version: 1 }).catch((e) => e);
		expect(err.code).toBe('INVALID_INPUT');
		expect(Object.keys(err.fields)).toEqual(['justification']);
		expect((await database.db.select().from(grantApplications).where(eq(grantApplications.id, app.id)))[0].status).toBe('draft');
	});

	it('a transition not allowed from the current state is refused', async () => {
		const app = await submitted();
		expect(await outcome(() => transitionApplication(database.db, officer, app.id, { transition: 'close', version: app.version }))).toBe('INVALID_TRANSITION');
		expect(await outcome(() => transitionApplication(database.db, applicant, app.id, { transition: 'submit', version: app.version }))).toBe('INVALID_TRANSITION');
	});
});

describe('the advocacy toolkit hand-off', () => {
	const plan = () => ({
		source: { kind: 'strategy' as const, id: 'strategy-1' },
		organisationId: orgId,
		goal: 'Province publishes all health contracts',
		deadline: '2027-09-30',
		mandateSought: 'Governor signs a decree with a budget for the data team',
		milestones: [{ title: 'Meet the procurement director', dueDate: '2027-02-01', deliverable: 'Meeting note' }],
		deliverables: ['Policy brief', 'Data audit'],
		campaignManager: { name: 'Luis Gómez', role: 'Campaign lead', email: 'luis@example.org' }
	});

	it('a member starts a draft filled in from their plan, recorded in the activity log', async () => {
		const r = await startApplicationFromPlan(database.db, applicant, plan());
		expect(r.href).toBe(`/grants/applications/${r.applicationId}/edit`);
		const [app] = await database.db.select().from(grantApplications).where(eq(grantApplications.id, r.applicationId));
		expect(app).toMatchObject({ status: 'draft', organisationId: orgId, title: 'Province publishes all health contracts', source: { kind: 'strategy', id: 'strategy-1' } });
		expect(app.answers).toMatchObject({
			goal: 'Province publishes all health contracts',
			deadline: '2027-09-30',
			mandate: 'Governor signs a decree with a budget for the data team',
			milestones: [{ title: 'Meet the procurement director', due: '2027-02-01', deliverable: 'Meeting note' }],
			deliverables: 'Policy brief\nData audit',
			manager_name: 'Luis Gómez'
		});
		const events = await database.db.select().from(activityEvents).where(and(eq(activityEvents.subjectId, r.applicationId), eq(activityEvents.action, 'created')));
		expect(events).toHaveLength(1);
	});

	it('someone outside the organisation cannot start one for it; staff can', async () => {
		const stranger = await actorFor(database.db, 'member');
		expect(await outcome(() => startApplicationFromPlan(database.db, stranger, plan()))).toBe('FORBIDDEN');
		expect(await outcome(() => startApplicationFromPlan(database.db, officer, plan()))).toBe('OK');
	});
});

describe('screening, reviews and the decision', () => {
	it('runs the mini-grant from screening to a closed-out report', async () => {
		const app = await submitted();
		let a = await transitionApplication(database.db, officer, app.id, { transition: 'start_screening', version: app.version });
		a = await transitionApplication(database.db, officer, app.id, { transition: 'send_to_review', version: a.version });
		const r1 = await actorFor(database.db, 'reviewer');
		const r2 = await actorFor(database.db, 'external_reviewer');
		const r3 = await actorFor(database.db, 'reviewer');
		for (const r of [r1, r2, r3]) await assignReviewer(database.db, officer, app.id, { reviewerId: uid(r) });
		expect(await outcome(() => assignReviewer(database.db, officer, app.id, { reviewerId: uid(r1) }))).toBe('CONFLICT');
		expect(await outcome(() => assignReviewer(database.db, officer, app.id, { reviewerId: uid(finance) }))).toBe('INVALID_INPUT');

		// Before declaring, a reviewer sees who applied but not the answers, and cannot score.
		const blind = await getApplication(database.db, r1, app.id);
		expect(blind.restricted).toBe(true);
		expect(blind.application.answers).toEqual({});
		expect(await outcome(() => submitReview(database.db, r1, app.id, { scores: {}, revision: 1 }))).toBe('FORBIDDEN');

		// A conflict hands it back: the reviewer no longer sees it.
		await declareInterest(database.db, r2, app.id, { conflict: true, note: 'Former board member' });
		expect(await outcome(() => getApplication(database.db, r2, app.id))).toBe('NOT_FOUND');
		const staffView = await getApplication(database.db, officer, app.id);
		expect(staffView.assignments.find((x) => x.reviewerId === uid(r2))?.status).toBe('conflict');

		await declareInterest(database.db, r1, app.id, { conflict: false });
		await declareInterest(database.db, r3, app.id, { conflict: false });
		const scores = (mandate: number) => ({ mandate: { points: mandate, comment: 'ok' }, plan: { points: 4, comment: '' }, value: { points: 3, comment: '' } });
		expect(await outcome(() => submitReview(database.db, r1, app.id, { scores: { ...scores(9) }, revision: 1 }))).toBe('INVALID_INPUT');
		const review = await submitReview(database.db, r1, app.id, { scores: scores(5), revision: 1 });
		expect(review).toMatchObject({ revision: 1, total: 17, percent: 85 });
		expect(await outcome(() => submitReview(database.db, r1, app.id, { scores: scores(5), revision: 1 }))).toBe('CONFLICT');

		// More information: a new revision, and reviewers see what changed.
		a = (await database.db.select().from(grantApplications).where(eq(grantApplications.id, app.id)))[0];
		expect(await outcome(() => transitionApplication(database.db, officer, app.id, { transition: 'request_information', version: a.version }))).toBe('INVALID_INPUT');
		a = await transitionApplication(database.db, officer, app.id, { transition: 'request_information', version: a.version, message: 'Which council committee?' });
		expect(a).toMatchObject({ status: 'more_information', infoRequest: 'Which council committee?' });
		await saveAnswers(database.db, applicant, app.id, { answers: miniGrantAnswers({ mandate: 'A resolution of the finance committee' }) });
		a = await transitionApplication(database.db, applicant, app.id, { transition: 'answer_information', version: a.version });
		expect(a).toMatchObject({ status: 'in_review', revision: 2, infoRequest: null });
		const seen = await getApplication(database.db, r3, app.id);
		expect(seen.changes.map((c) => c.field)).toEqual(['mandate']);
		expect(await outcome(() => submitReview(database.db, r3, app.id, { scores: scores(4), revision: 1 }))).toBe('CONFLICT');
		expect((await submitReview(database.db, r3, app.id, { scores: scores(4), revision: 2 })).revision).toBe(2);

		a = await transitionApplication(database.db, officer, app.id, { transition: 'to_decision', version: a.version });
		expect(await outcome(() => awardGrant(database.db, officer, app.id, { version: a.version, amount: 6000 }))).toBe('INVALID_INPUT');
		expect(await outcome(() => awardGrant(database.db, finance, app.id, { version: a.version, amount: 4000 }))).toBe('NOT_FOUND');
		const award = await awardGrant(database.db, officer, app.id, { version: a.version, amount: 4000, conditions: 'Share the policy brief', message: 'Congratulations' });
		expect(award).toMatchObject({ amount: 4000, currency: 'USD' });

		// Disbursements: finance only, never more than the award, paid once.
		expect(await outcome(() => planTranche(database.db, officer, award.id, { plannedDate: '2026-12-01', plannedAmount: 2000 }))).toBe('FORBIDDEN');
		expect(await outcome(() => planTranche(database.db, finance, award.id, { plannedDate: '2026-12-01', plannedAmount: 5000 }))).toBe('INVALID_INPUT');
		const t = await planTranche(database.db, finance, award.id, { plannedDate: '2026-12-01', plannedAmount: 2000 });
		expect(await outcome(() => recordPayment(database.db, finance, t.id, { paidDate: '2099-01-01', paidAmount: 2000 }))).toBe('INVALID_INPUT');
		await recordPayment(database.db, finance, t.id, { paidDate: '2026-01-05', paidAmount: 2000 });
		expect(await outcome(() => recordPayment(database.db, finance, t.id, { paidDate: '2026-01-05', paidAmount: 2000 }))).toBe('CONFLICT');

		const view = await getApplication(database.db, applicant, app.id);
		expect(view.reports).toHaveLength(1);
		expect(view.reviews).toEqual([]);
		expect(await outcome(() => submitReport(database.db, applicant, view.reports[0].id, { narrative: 'Adopted', evidenceLinks: ['ftp://x'] }))).toBe('INVALID_INPUT');
		await submitReport(database.db, applicant, view.reports[0].id, { changes: ['policy'], narrative: 'The council adopted the policy.', evidenceLinks: ['https://council.example.org/resolution'] });
		expect(await outcome(() => submitReport(database.db, applicant, view.reports[0].id, { narrative: 'again' }))).toBe('CONFLICT');
		const closed = await transitionApplication(database.db, officer, app.id, { transition: 'close', version: (await getApplication(database.db, officer, app.id)).application.version });
		expect(closed.status).toBe('closed');
	});

	it('two staff deciding at once: exactly one wins, the other is told', async () => {
		const app = await submitted();
		let a = await transitionApplication(database.db, officer, app.id, { transition: 'start_screening', version: app.version });
		a = await transitionApplication(database.db, officer, app.id, { transition: 'to_decision', version: a.version });
		const other = await actorFor(database.db, 'admin');
		const results = await Promise.allSettled([
			awardGrant(database.db, officer, app.id, { version: a.version, amount: 3000 }),
			transitionApplication(database.db, other, app.id, { transition: 'decline', version: a.version, message: 'Not this time' })
		]);
		const ok = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
		expect(ok).toHaveLength(1);
		expect(lost).toHaveLength(1);
		expect(lost[0].reason.code).toBe('CONFLICT');
		const [final] = await database.db.select().from(grantApplications).where(eq(grantApplications.id, app.id));
		expect(['awarded', 'declined']).toContain(final.status);
		expect(final.version).toBe(a.version + 1);
	});
});

describe('the public register and 360Giving', () => {
	it('a sensitive grantee appears only by its reference, without country or its own words', async () => {
		const hidden = await makeOrganisation(database.db, { name: 'Voces Cerradas', sensitive: true, country: 'NI', kind: 'civil_society' });
		const member = await actorFor(database.db, 'member', [[hidden.id, 'owner']]);
		const app = await startApplication(database.db, member, { callId, organisationId: hidden.id, screener: ELIGIBLE_MINI });
		await saveAnswers(database.db, member, app.id, { answers: miniGrantAnswers({ goal: 'Voces Cerradas secret campaign' }) });
		let a = await transitionApplication(database.db, member, app.id, { transition: 'submit', version: 1 });
		a = await transitionApplication(database.db, officer, app.id, { transition: 'start_screening', version: a.version });
		a = await transitionApplication(database.db, officer, app.id, { transition: 'to_decision', version: a.version });
		await awardGrant(database.db, officer, app.id, { version: a.version, amount: 2500 });
		const entries = await listRegister(database.db, 'en');
		const mine = entries.find((e) => e.recipientId === hidden.reference)!;
		expect(mine).toMatchObject({ recipientName: `Partner ${hidden.reference}`, recipientCountry: null, amount: 2500, title: 'Rapid-response mini-grants' });
		const json = JSON.stringify(toThreeSixtyGiving(entries));
		const csv = toThreeSixtyGivingCsv(entries);
		for (const out of [json, csv]) {
			expect(out).not.toContain('Voces Cerradas');
			expect(out).toContain(hidden.reference);
		}
		expect(toThreeSixtyGiving(entries).grants[0]).toMatchObject({ currency: 'USD', fundingOrganization: [{ name: 'Support Hub' }] });
	});
});

describe('the staff list', () => {
	it('filters by status, call and title word prefixes, and sorts', async () => {
		const app = await submitted();
		const ids = async (q: Record<string, string>) => (await listApplications(database.db, officer, q)).rows.map((r) => r.id);
		expect(await ids({ q: 'city adop' })).toContain(app.id);
		expect(await ids({ q: 'nothingmatches' })).toEqual([]);
		expect(await ids({ status: 'submitted', call: callId })).toContain(app.id);
		expect(await ids({ status: 'awarded' })).not.toContain(app.id);
		const r = await listApplications(database.db, officer, { sort: '-amount' });
		const amounts = r.rows.map((x) => x.requestedAmount);
		expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
		expect(r.rows.find((x) => x.id === app.id)?.clock?.daysLeft).toBeGreaterThan(0);
		expect(await outcome(() => listApplications(database.db, officer, { sort: 'nonsense' }))).toBe('INVALID_INPUT');
	});
});

describe('call settings', () => {
	it('an officer changes the decision-time target; a partner may not; bad input is refused', async () => {
		const after = await setDecisionTarget(database.db, officer, callId, { days: 5 });
		expect(after.decisionTargetDays).toBe(5);
		expect(await outcome(() => setDecisionTarget(database.db, applicant, callId, { days: 3 }))).toBe('FORBIDDEN');
		expect(await outcome(() => setDecisionTarget(database.db, officer, callId, { days: -1 }))).toBe('INVALID_INPUT');
		const app = await submitted();
		expect(app.decisionDueAt!.getTime() - app.submittedAt!.getTime()).toBeLessThan(10 * 86400000);
		await setDecisionTarget(database.db, officer, callId, { days: 10 });
	});
});

describe('who may see what', () => {
	it('another partner does not find the application', async () => {
		const app = await submitted();
		const other = await actorFor(database.db, 'member', [[(await makeOrganisation(database.db)).id, 'owner']]);
		expect(await outcome(() => getApplication(database.db, other, app.id))).toBe('NOT_FOUND');
		expect(await outcome(() => saveAnswers(database.db, other, app.id, { answers: {} }))).toBe('NOT_FOUND');
	});
});
