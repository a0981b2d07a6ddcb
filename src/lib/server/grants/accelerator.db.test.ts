import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeAcceleratorCall } from '../seed/grants-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { assignReviewer } from './assign-reviewer.ts';
import { declareInterest } from './declare-interest.ts';
import { getApplication } from './get-application.ts';
import { saveAnswers } from './save-answers.ts';
import { startApplication } from './start-application.ts';
import { submitReview } from './submit-review.ts';
import { transitionApplication } from './transition-application.ts';

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(() => database.close());

const ELIGIBLE = { team: 'yes', press: 'good', community: 'yes', leadership: 'yes' };
const team = ['Lead', 'Data', 'Legal', 'Comms'].map((role, i) => ({ name: `Person ${i}`, role }));

describe('the accelerator, defined only as data', () => {
	it('moves through short application, long application by invitation and interview, by its rubric and rules', async () => {
		const db = database.db;
		const call = await makeAcceleratorCall(db);
		const org = await makeOrganisation(db, { kind: 'government' });
		const applicant = await actorFor(db, 'member', [[org.id, 'owner']]);
		const officer = await actorFor(db, 'programme_officer');
		const external = await actorFor(db, 'external_reviewer');
		const score = (impact: number) => ({ impact: { points: impact, comment: '' }, power: { points: 6, comment: '' }, capacity: { points: 5, comment: '' } });

		expect(await outcome(() => startApplication(db, applicant, { callId: call.id, organisationId: org.id, screener: { ...ELIGIBLE, press: 'very_serious' } }))).toBe('INVALID_INPUT');
		const app = await startApplication(db, applicant, { callId: call.id, organisationId: org.id, screener: ELIGIBLE });
		expect(await outcome(() => saveAnswers(db, applicant, app.id, { answers: { people_served: 1000 } }))).toBe('INVALID_INPUT');
		await saveAnswers(db, applicant, app.id, { answers: { reform: 'Open road contracts', problem: 'Costs double', people_served: 900000, team } });
		let a = await transitionApplication(db, applicant, app.id, { transition: 'submit', version: 1 });
		expect(a.decisionDueAt).toBeNull();
		a = await transitionApplication(db, officer, app.id, { transition: 'start_screening', version: a.version });
		a = await transitionApplication(db, officer, app.id, { transition: 'send_to_review', version: a.version });

		// Stage 1: one external review is the minimum; a weak score stops the application.
		await assignReviewer(db, officer, app.id, { reviewerId: external.kind === 'user' ? external.userId : '' });
		expect(await outcome(() => transitionApplication(db, officer, app.id, { transition: 'advance_stage', version: a.version }))).toBe('INVALID_TRANSITION');
		await declareInterest(db, external, app.id, { conflict: false });
		const weak = await submitReview(db, external, app.id, { scores: score(2), revision: 1 });
		expect(weak).toMatchObject({ total: 13, percent: 52 });
		expect(await outcome(() => transitionApplication(db, officer, app.id, { transition: 'advance_stage', version: a.version }))).toBe('INVALID_TRANSITION');

		const r2 = await actorFor(db, 'reviewer');
		await assignReviewer(db, officer, app.id, { reviewerId: r2.kind === 'user' ? r2.userId : '' });
		await declareInterest(db, r2, app.id, { conflict: false });
		await submitReview(db, r2, app.id, { scores: score(10), revision: 1 });
		a = await transitionApplication(db, officer, app.id, { transition: 'advance_stage', version: a.version });
		expect(a).toMatchObject({ status: 'draft', stageIndex: 1 });

		// Stage 2: the long form by invitation; the first stage's answers are kept.
		await saveAnswers(db, applicant, app.id, { answers: { theory: 'Publish, monitor, fix', allies: 'Roads minister', amount: 120000 } });
		a = await transitionApplication(db, applicant, app.id, { transition: 'submit', version: a.version });
		expect(a).toMatchObject({ status: 'submitted', stageIndex: 1, revision: 2, requestedAmount: 120000 });
		expect(a.answers).toMatchObject({ reform: 'Open road contracts', theory: 'Publish, monitor, fix' });
		a = await transitionApplication(db, officer, app.id, { transition: 'start_screening', version: a.version });
		a = await transitionApplication(db, officer, app.id, { transition: 'send_to_review', version: a.version });
		const r3 = await actorFor(db, 'external_reviewer');
		await assignReviewer(db, officer, app.id, { reviewerId: r3.kind === 'user' ? r3.userId : '' });
		// The stage-1 external reviewer is not assigned to stage 2 and sees nothing new to review.
		expect((await getApplication(db, external, app.id)).can.review).toBe(false);
		await declareInterest(db, r3, app.id, { conflict: false });
		await submitReview(db, r3, app.id, { scores: score(9), revision: 2 });
		a = await transitionApplication(db, officer, app.id, { transition: 'advance_stage', version: a.version });

		// Stage 3: the interview has no form, so it goes straight to review.
		expect(a).toMatchObject({ status: 'in_review', stageIndex: 2 });
		const view = await getApplication(db, officer, app.id);
		expect(view.stage.id).toBe('interview');
		expect(view.can.staffTransitions).not.toContain('advance_stage');
		a = await transitionApplication(db, officer, app.id, { transition: 'to_decision', version: a.version });
		expect(a.status).toBe('decision');
	});
});
