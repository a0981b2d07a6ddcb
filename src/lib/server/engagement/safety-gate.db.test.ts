import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import type { Database } from '../db/client.ts';
import type { UserActor } from '../identity/actor.ts';
import { loadActor } from '../identity/load-actor.ts';
import { makeAssessments, makeRequest } from '../seed/engagement-factories.ts';
import { makeOrganisation, makeUser } from '../seed/factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { DEFAULT_CRITERIA } from './default-criteria.ts';
import { approveSafetyPlan } from './approve-safety-plan.ts';
import { decideRequest } from './decide-request.ts';
import { exportRequests } from './export-requests.ts';
import { getConsolidation } from './get-consolidation.ts';
import { getRequest } from './get-request.ts';
import { getSafetyPlan } from './get-safety-plan.ts';
import { listRequests } from './list-requests.ts';
import { requestJson } from './json.ts';
import { saveAssessment } from './save-assessment.ts';
import { saveSafetyPlan } from './save-safety-plan.ts';
import { engagementRequests, engagementSafetyPlans } from './schema.ts';

let database: Database;
let writer: UserActor, approver: UserActor, third: UserActor, admin: UserActor, reviewer: UserActor, member: UserActor;
let orgId: string;
const origin = 'http://hub.test';
const plan = {
	risks: 'Staff followed after meetings with the ministry.',
	mitigations: 'Meet in neutral venues; no names in shared documents.',
	responsible: 'Regional programme lead',
	safeContact: 'Signal only, through the coordinator; never e-mail.',
	reviewOn: '2027-03-01'
};
const levels = (physical: number) => Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.key, c.key === 'physical_security' ? physical : 3]));

/** A request under assessment whose submitted assessment puts physical security at `physical`. */
async function gatedRequest(physical = 0) {
	const r = await makeRequest(database.db, { organisationId: orgId, status: 'in_assessment' });
	const set = await makeAssessments(database.db, r.id, [{ assessorId: reviewer.userId, levels: levels(physical) }]);
	// The stored result is what the portfolio and the decision read; set it as a submission would.
	await database.db.update(engagementRequests).set({ criteriaSetId: set.id, gate: physical <= 1 ? 'blocked' : 'clear', score: 60, band: 'consider' }).where(eq(engagementRequests.id, r.id));
	return r.id;
}
const decide = (actor: UserActor, id: string, extra: Record<string, unknown> = {}) =>
	decideRequest(database.db, actor, id, { decision: 'invest', rationale: 'Strong case', ...extra }, { origin });
const stored = async (id: string) => (await database.db.select().from(engagementRequests).where(eq(engagementRequests.id, id)))[0];

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	writer = (await actorFor(db, 'programme_officer')) as UserActor;
	approver = (await actorFor(db, 'programme_officer')) as UserActor;
	third = (await actorFor(db, 'programme_officer')) as UserActor;
	admin = (await actorFor(db, 'admin')) as UserActor;
	reviewer = (await actorFor(db, 'reviewer')) as UserActor;
	const u = await makeUser(db, { locale: 'fr' });
	const org = await makeOrganisation(db, { name: 'Veille Citoyenne', members: [{ userId: u.id, role: 'owner' }] });
	orgId = org.id;
	member = (await loadActor(db, u.id, 'session')) as UserActor;
});
afterAll(() => database.close());

describe('the physical-security gate decides', () => {
	it('a triggered gate refuses "invest" without a plan and changes nothing; other outcomes go through', async () => {
		const id = await gatedRequest();
		expect(await outcome(() => decide(writer, id))).toBe('CONFLICT');
		const err = await decide(writer, id).catch((e) => e);
		expect(err.message).toMatch(/safety plan/i);
		expect(await stored(id)).toMatchObject({ status: 'in_assessment', decision: null });
		const declined = await decideRequest(database.db, writer, id, { decision: 'decline', rationale: 'Too risky now' }, { origin });
		expect(declined.status).toBe('decided');
	});

	it('a clear gate needs no plan', async () => {
		const id = await gatedRequest(3);
		expect((await getRequest(database.db, writer, id)).safety?.requirement).toMatchObject({ triggered: false, missing: [] });
		expect((await decide(writer, id)).decision).toBe('invest');
	});

	it('the plan must be complete, approved by someone else, and the decider is not the approver', async () => {
		const db = database.db;
		const id = await gatedRequest();
		const bad = await saveSafetyPlan(db, writer, id, { ...plan, safeContact: '  ', reviewOn: 'soon' }).catch((e) => e);
		expect(bad.code).toBe('INVALID_INPUT');
		expect(Object.keys(bad.fields)).toEqual(expect.arrayContaining(['safeContact', 'reviewOn']));
		expect(await outcome(() => saveSafetyPlan(db, reviewer, id, plan))).toBe('FORBIDDEN');
		expect(await db.select().from(engagementSafetyPlans).where(eq(engagementSafetyPlans.requestId, id))).toHaveLength(0);

		await saveSafetyPlan(db, writer, id, plan);
		expect((await getSafetyPlan(db, writer, id)).requirement.missing).toEqual(['approval']);
		expect(await outcome(() => decide(writer, id))).toBe('CONFLICT');
		// Approving one's own plan is refused, in the writer's language, and nothing changes.
		const own = await approveSafetyPlan(db, writer, id).catch((e) => e);
		expect(own.code).toBe('FORBIDDEN');
		expect(own.message).toMatch(/another staff member/);
		expect(await outcome(() => approveSafetyPlan(db, reviewer, id))).toBe('FORBIDDEN');
		expect((await getSafetyPlan(db, writer, id)).plan?.approvedAt).toBeNull();

		await approveSafetyPlan(db, approver, id);
		expect(await outcome(() => approveSafetyPlan(db, third, id))).toBe('CONFLICT');
		expect(await outcome(() => decide(approver, id))).toBe('CONFLICT');
		expect((await getRequest(db, approver, id)).safety?.requirement.missing).toEqual(['other_decider']);
		const decided = await decide(writer, id);
		expect(decided).toMatchObject({ status: 'decided', decision: 'invest', gateOverriddenAt: null });
		expect(await outcome(() => saveSafetyPlan(db, writer, id, plan))).toBe('INVALID_TRANSITION');
		const log = await db.select().from(activityEvents).where(eq(activityEvents.subjectId, id));
		expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['safety_plan_written', 'safety_plan_approved', 'decided']));
		// How the partner is reached stays out of the log.
		expect(JSON.stringify(log)).not.toContain('Signal only');
	});

	it('changing an approved plan withdraws the approval', async () => {
		const db = database.db;
		const id = await gatedRequest();
		await saveSafetyPlan(db, writer, id, plan);
		await approveSafetyPlan(db, approver, id);
		await saveSafetyPlan(db, approver, id, { ...plan, reviewOn: '2027-06-01' });
		const view = await getSafetyPlan(db, third, id);
		expect(view.requirement.missing).toEqual(['approval']);
		// The one who changed it last cannot approve it either; the first author neither.
		expect(await outcome(() => approveSafetyPlan(db, approver, id))).toBe('FORBIDDEN');
		expect(await outcome(() => approveSafetyPlan(db, writer, id))).toBe('FORBIDDEN');
		await approveSafetyPlan(db, third, id);
		expect((await decide(writer, id)).decision).toBe('invest');
	});

	it('an override is an admin’s, needs a reason, and is shown on the request and in the log', async () => {
		const db = database.db;
		const id = await gatedRequest();
		expect(await outcome(() => decide(writer, id, { overrideGate: true, overrideReason: 'Urgent' }))).toBe('FORBIDDEN');
		const noReason = await decide(admin, id, { overrideGate: true, overrideReason: '   ' }).catch((e) => e);
		expect(noReason.code).toBe('INVALID_INPUT');
		expect(noReason.fields.overrideReason).toBeTruthy();
		expect(await stored(id)).toMatchObject({ status: 'in_assessment', gateOverriddenAt: null });

		await decide(admin, id, { overrideGate: true, overrideReason: 'Partner asked to go ahead; plan follows within a week' });
		const row = await stored(id);
		expect(row).toMatchObject({ status: 'decided', decision: 'invest', gateOverriddenBy: admin.userId });
		const view = await getRequest(db, writer, id);
		expect(view.override).toMatchObject({ reason: 'Partner asked to go ahead; plan follows within a week', by: admin.name });
		expect(requestJson(view).gateOverride?.reason).toContain('Partner asked');
		const [event] = await db.select().from(activityEvents).where(and(eq(activityEvents.subjectId, id), eq(activityEvents.action, 'gate_overridden')));
		expect(event.actorId).toBe(admin.userId);
		// The requesting partner sees the outcome, not the override.
		expect((await getRequest(db, member, id)).override).toBeNull();
	});

	it('the database refuses an override without a reason', async () => {
		const id = await gatedRequest();
		const err = await database.db.update(engagementRequests).set({ gateOverriddenAt: new Date(), gateOverrideReason: '' }).where(eq(engagementRequests.id, id)).catch((e) => e);
		expect(err).toBeInstanceOf(Error);
	});

	it('the gate comes from the assessments: a submitted danger reading triggers it', async () => {
		const db = database.db;
		const r = await makeRequest(db, { organisationId: orgId, status: 'submitted' });
		const { assignAssessors } = await import('./assign-assessors.ts');
		await assignAssessors(db, writer, r.id, { assessorIds: [reviewer.userId] });
		const scores = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.key, { level: c.key === 'physical_security' ? 0 : 3, note: '', confidence: 'high' }]));
		await saveAssessment(db, reviewer, r.id, { scores, submit: true });
		expect((await stored(r.id)).gate).toBe('blocked');
		expect(await outcome(() => decide(writer, r.id))).toBe('CONFLICT');
	});
});

describe('blind until submitted', () => {
	it('an assigned assessor sees no result anywhere until their own is in', async () => {
		const db = database.db;
		const staffAssessor = (await actorFor(db, 'reviewer')) as UserActor;
		const outside = (await actorFor(db, 'external_reviewer')) as UserActor;
		const r = await makeRequest(db, { organisationId: orgId, status: 'in_assessment', goal: 'Blind test goal for the budget office' });
		const set = await makeAssessments(db, r.id, [
			{ assessorId: reviewer.userId, levels: levels(0) },
			{ assessorId: staffAssessor.userId, levels: {}, submitted: false },
			{ assessorId: outside.userId, levels: {}, submitted: false }
		]);
		await db.update(engagementRequests).set({ criteriaSetId: set.id, gate: 'blocked', score: 61.5, band: 'consider' }).where(eq(engagementRequests.id, r.id));

		for (const blind of [staffAssessor, outside]) {
			const view = await getRequest(db, blind, r.id);
			expect(view.request).toMatchObject({ score: null, band: null, gate: null });
			expect(JSON.stringify(requestJson(view))).not.toContain('61.5');
			expect(await outcome(() => getConsolidation(db, blind, r.id))).toBe('FORBIDDEN');
			const row = (await listRequests(db, blind, { pageSize: 100 })).items.find((i) => i.id === r.id);
			expect(row).toMatchObject({ score: null, band: null, gate: null });
			// Filtering by the result must not reveal it either.
			expect((await listRequests(db, blind, { band: 'consider', pageSize: 100 })).items.map((i) => i.id)).not.toContain(r.id);
			expect((await listRequests(db, blind, { gate: 'blocked', pageSize: 100 })).items.map((i) => i.id)).not.toContain(r.id);
		}
		const csv = await exportRequests(db, staffAssessor, {}, 'csv');
		const line = String(csv.body).split('\n').find((l) => l.includes('Blind test goal'));
		expect(line).toBeTruthy();
		expect(line).not.toContain('61.5');
		expect(line).not.toMatch(/Safety plan needed/);

		// Others still see it: staff not assigned, and the assessor who has submitted.
		expect((await getRequest(db, writer, r.id)).request.score).toBe(61.5);
		expect((await listRequests(db, reviewer, { band: 'consider', pageSize: 100 })).items.find((i) => i.id === r.id)?.score).toBe(61.5);
		// The requesting partner never sees it, in the list either.
		expect((await listRequests(db, member, { pageSize: 100 })).items.find((i) => i.id === r.id)).toMatchObject({ score: null, band: null, gate: null });

		// Once their own is submitted, the result appears.
		const scores = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.key, { level: 2, note: '', confidence: 'high' }]));
		await saveAssessment(db, outside, r.id, { scores, submit: true });
		expect((await getRequest(db, outside, r.id)).request.score).not.toBeNull();
		expect(await outcome(() => getConsolidation(db, outside, r.id))).toBe('OK');
		expect((await getRequest(db, staffAssessor, r.id)).request.score).toBeNull();
	});
});
