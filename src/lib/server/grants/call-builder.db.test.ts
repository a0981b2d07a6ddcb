import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import type { Database } from '../db/client.ts';
import type { Actor } from '../identity/actor.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { ELIGIBLE_MINI, miniGrantAnswers } from '../seed/grants-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import type { CallDefinition } from '../../validation/grants.ts';
import { assignReviewer } from './assign-reviewer.ts';
import { awardGrant } from './award-grant.ts';
import { callBudget } from './call-budget.ts';
import { changeCallStatus } from './change-call-status.ts';
import { copyCall } from './copy-call.ts';
import { createCall } from './create-call.ts';
import { findCall } from './find-application.ts';
import { getApplication } from './get-application.ts';
import { listOpenCalls } from './list-open-calls.ts';
import { MINI_GRANT_CALL } from './programmes.ts';
import { saveAnswers } from './save-answers.ts';
import { startApplication } from './start-application.ts';
import { transitionApplication } from './transition-application.ts';
import { updateCall } from './update-call.ts';

let database: Database;
let officer: Actor;
let admin: Actor;
let reviewer: Actor;
let applicant: Actor;
let orgId: string;
let n = 0;

beforeAll(async () => {
	database = await freshDatabase();
	officer = await actorFor(database.db, 'programme_officer');
	admin = await actorFor(database.db, 'admin');
	reviewer = await actorFor(database.db, 'reviewer');
	orgId = (await makeOrganisation(database.db, { kind: 'civil_society' })).id;
	applicant = await actorFor(database.db, 'member', [[orgId, 'owner']]);
});
afterAll(() => database.close());

const definition = (traits: Partial<CallDefinition> = {}): CallDefinition => ({ ...structuredClone(MINI_GRANT_CALL), slug: `built-${++n}`, ...traits });
async function openCall(traits: Partial<CallDefinition> = {}) {
	const call = await createCall(database.db, officer, definition(traits));
	return (await changeCallStatus(database.db, officer, call.id, { transition: 'open', version: call.version })).call;
}
async function draftApplication(callId: string) {
	const app = await startApplication(database.db, applicant, { callId, organisationId: orgId, screener: ELIGIBLE_MINI });
	await saveAnswers(database.db, applicant, app.id, { answers: miniGrantAnswers() });
	return app;
}
async function atDecision(callId: string) {
	const db = database.db;
	const app = await draftApplication(callId);
	let a = await transitionApplication(db, applicant, app.id, { transition: 'submit', version: 1 });
	a = await transitionApplication(db, officer, app.id, { transition: 'start_screening', version: a.version });
	a = await transitionApplication(db, officer, app.id, { transition: 'send_to_review', version: a.version });
	await assignReviewer(db, officer, app.id, { reviewerId: reviewer.kind === 'user' ? reviewer.userId : '' });
	a = await transitionApplication(db, officer, app.id, { transition: 'to_decision', version: a.version });
	return a;
}

describe('building a call', () => {
	it('a new call is a draft nobody can apply to, and opens only with every offered language complete', async () => {
		const def = definition();
		delete def.stages[0].form!.sections[0].fields[0].label.es;
		const call = await createCall(database.db, officer, def);
		expect(call.status).toBe('draft');
		expect((await listOpenCalls(database.db)).map((r) => r.call.id)).not.toContain(call.id);
		expect(await outcome(() => startApplication(database.db, applicant, { callId: call.id, organisationId: orgId, screener: ELIGIBLE_MINI }))).toBe('INVALID_TRANSITION');
		expect(await outcome(() => changeCallStatus(database.db, officer, call.id, { transition: 'open', version: call.version }))).toBe('INVALID_INPUT');
		expect((await findCall(database.db, call.id)).status).toBe('draft');

		const fixed = await updateCall(database.db, officer, call.id, { ...def, stages: MINI_GRANT_CALL.stages }, call.version);
		const opened = await changeCallStatus(database.db, officer, call.id, { transition: 'open', version: fixed.version });
		expect(opened.call.status).toBe('open');
		expect((await listOpenCalls(database.db)).map((r) => r.call.id)).toContain(call.id);
	});

	it('refuses bad definitions whole, with a message per input, and stores nothing', async () => {
		const def = definition();
		def.stages[0].rubric!.criteria[0].weight = -1;
		const before = (await database.db.select().from(activityEvents)).length;
		expect(await outcome(() => createCall(database.db, officer, def))).toBe('INVALID_INPUT');
		expect(await outcome(() => createCall(database.db, officer, { ...definition(), slug: 'rapid-response' }))).toBe('OK');
		expect(await outcome(() => createCall(database.db, officer, { ...definition(), slug: 'rapid-response' }))).toBe('INVALID_INPUT');
		expect((await database.db.select().from(activityEvents)).length).toBe(before + 1);
	});

	it('of two officers saving the same version, one wins and the other is told', async () => {
		const call = await createCall(database.db, officer, definition());
		const a = definition({ slug: call.slug, title: { en: 'Title A', es: 'Título A', fr: 'Titre A' } });
		const b = definition({ slug: call.slug, title: { en: 'Title B', es: 'Título B', fr: 'Titre B' } });
		const results = await Promise.all([outcome(() => updateCall(database.db, officer, call.id, a, call.version)), outcome(() => updateCall(database.db, admin, call.id, b, call.version))]);
		expect(results.sort()).toEqual(['CONFLICT', 'OK']);
		const after = await findCall(database.db, call.id);
		expect(after.version).toBe(call.version + 1);
		expect(['Title A', 'Title B']).toContain(after.title.en);
	});

	it('an edit may reword an answered field but not remove or retype it', async () => {
		const call = await openCall();
		await draftApplication(call.id);
		const reworded = definition({ slug: call.slug });
		reworded.stages[0].form!.sections[0].fields[0].label = { en: 'What will change?', es: '¿Qué cambiará?', fr: 'Qu’est-ce qui changera ?' };
		const saved = await updateCall(database.db, officer, call.id, reworded, call.version);
		const removed = definition({ slug: call.slug });
		removed.stages[0].form!.sections[0].fields.shift();
		removed.stages[0].form!.titleField = 'mandate';
		expect(await outcome(() => updateCall(database.db, officer, call.id, removed, saved.version))).toBe('INVALID_INPUT');
		const retyped = definition({ slug: call.slug });
		retyped.stages[0].form!.sections[0].fields[1].type = 'short_text';
		expect(await outcome(() => updateCall(database.db, officer, call.id, retyped, saved.version))).toBe('INVALID_INPUT');
		expect((await findCall(database.db, call.id)).version).toBe(saved.version);
	});

	it('closing stops submissions, keeps drafts and tells their organisations', async () => {
		const call = await openCall();
		const app = await draftApplication(call.id);
		const closed = await changeCallStatus(database.db, officer, call.id, { transition: 'close', version: call.version });
		expect(closed.told).toBeGreaterThan(0);
		const mails = await database.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'grant_call_closed'));
		expect(mails.length).toBeGreaterThan(0);
		expect(await outcome(() => transitionApplication(database.db, applicant, app.id, { transition: 'submit', version: 1 }))).toBe('INVALID_TRANSITION');
		expect((await getApplication(database.db, applicant, app.id)).application.status).toBe('draft');
		expect(await outcome(() => changeCallStatus(database.db, officer, call.id, { transition: 'close', version: closed.call.version }))).toBe('INVALID_TRANSITION');
		expect(await outcome(() => changeCallStatus(database.db, officer, call.id, { transition: 'archive', version: closed.call.version }))).toBe('OK');
	});

	it('copying a call is one step and gives a new draft', async () => {
		const call = await openCall();
		const copy = await copyCall(database.db, officer, call.id);
		expect(copy.status).toBe('draft');
		expect(copy.slug).toBe(`${call.slug}-copy`);
		expect(copy.stages).toEqual(call.stages);
		expect((await copyCall(database.db, officer, call.id)).slug).toBe(`${call.slug}-copy-2`);
	});
});

describe('a call’s budget', () => {
	it('refuses an award over what remains unless an admin gives a reason', async () => {
		const call = await openCall({ budget: 6000, maxAward: 5000 });
		const first = await atDecision(call.id);
		await awardGrant(database.db, officer, first.id, { version: first.version, amount: 4000 });
		expect(await callBudget(database.db, call)).toEqual({ budget: 6000, awarded: 4000, disbursed: 0, remaining: 2000 });

		const second = await atDecision(call.id);
		expect(await outcome(() => awardGrant(database.db, officer, second.id, { version: second.version, amount: 3000 }))).toBe('INVALID_INPUT');
		expect(await outcome(() => awardGrant(database.db, officer, second.id, { version: second.version, amount: 3000, overrideReason: 'Board approved' }))).toBe('INVALID_INPUT');
		expect(await outcome(() => awardGrant(database.db, admin, second.id, { version: second.version, amount: 3000 }))).toBe('INVALID_INPUT');
		await awardGrant(database.db, admin, second.id, { version: second.version, amount: 3000, overrideReason: 'Board approved a top-up' });
		expect((await callBudget(database.db, call)).remaining).toBe(-1000);
		const [logged] = await database.db
			.select()
			.from(activityEvents)
			.where(and(eq(activityEvents.subjectId, second.id), eq(activityEvents.action, 'grant_awarded')));
		expect(logged.changes?.budgetOverride).toEqual({ from: 2000, to: 'Board approved a top-up' });

		const third = await atDecision(call.id);
		expect(await outcome(() => awardGrant(database.db, officer, third.id, { version: third.version, amount: 100 }))).toBe('INVALID_INPUT');
	});
});
