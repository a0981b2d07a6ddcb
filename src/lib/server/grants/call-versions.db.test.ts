import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import type { Database } from '../db/client.ts';
import type { Actor } from '../identity/actor.ts';
import { LocalJobQueue } from '../jobs/local-queue.ts';
import { outboxMessages } from '../mail/schema.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { ELIGIBLE_MINI, miniGrantAnswers } from '../seed/grants-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import type { CallDefinition } from '../../validation/grants.ts';
import { assignReviewer } from './assign-reviewer.ts';
import { scheduleCall } from './call-schedule.ts';
import { changeCallStatus } from './change-call-status.ts';
import { createCall } from './create-call.ts';
import { declareInterest } from './declare-interest.ts';
import { defineCall, defineCallTelling } from './define-call.ts';
import { findCall } from './find-application.ts';
import { getApplication } from './get-application.ts';
import { registerGrantJobs } from './jobs.ts';
import { listCallVersions } from './list-call-versions.ts';
import { MINI_GRANT_CALL } from './programmes.ts';
import { saveAnswers } from './save-answers.ts';
import { startApplication } from './start-application.ts';
import { submitReview } from './submit-review.ts';
import { transitionApplication } from './transition-application.ts';
import { getCallDefinition } from './get-call-definition.ts';
import { grantCalls } from './schema.ts';
import { putCall, updateCall } from './update-call.ts';

let database: Database;
let officer: Actor;
let reviewer: Actor;
let applicant: Actor;
let orgId: string;
let n = 0;

beforeAll(async () => {
	database = await freshDatabase();
	officer = await actorFor(database.db, 'programme_officer');
	reviewer = await actorFor(database.db, 'reviewer');
	orgId = (await makeOrganisation(database.db, { kind: 'civil_society' })).id;
	applicant = await actorFor(database.db, 'member', [[orgId, 'owner']]);
});
afterAll(() => database.close());

const definition = (traits: Partial<CallDefinition> = {}): CallDefinition => ({ ...structuredClone(MINI_GRANT_CALL), slug: `versioned-${++n}`, ...traits });
async function openCall(traits: Partial<CallDefinition> = {}) {
	const call = await createCall(database.db, officer, definition(traits));
	return (await changeCallStatus(database.db, officer, call.id, { transition: 'open', version: call.version })).call;
}
async function draft(callId: string) {
	const app = await startApplication(database.db, applicant, { callId, organisationId: orgId, screener: ELIGIBLE_MINI });
	await saveAnswers(database.db, applicant, app.id, { answers: miniGrantAnswers() });
	return app;
}
const uid = (a: Actor) => (a.kind === 'user' ? a.userId : '');
async function toReview(appId: string) {
	const db = database.db;
	let a = await transitionApplication(db, applicant, appId, { transition: 'submit', version: 1 });
	a = await transitionApplication(db, officer, appId, { transition: 'start_screening', version: a.version });
	a = await transitionApplication(db, officer, appId, { transition: 'send_to_review', version: a.version });
	await assignReviewer(db, officer, appId, { reviewerId: uid(reviewer) });
	await declareInterest(db, reviewer, appId, { conflict: false });
	return a;
}
const V1_SCORES = { mandate: { points: 4, comment: '' }, plan: { points: 3, comment: '' }, value: { points: 3, comment: '' } };

describe('versions pin applications', () => {
	it('an edit of an open call publishes a new version; applications keep the form and rubric they started on', async () => {
		const db = database.db;
		const call = await openCall();
		const early = await draft(call.id);

		// Version 2 asks a new required question and scores a fourth criterion out of 10.
		const v2 = definition({ slug: call.slug });
		v2.stages[0].form!.sections[0].fields.push({ id: 'partners', type: 'long_text', required: true, label: { en: 'Partners', es: 'Socios', fr: 'Partenaires' } });
		v2.stages[0].rubric!.criteria.push({ id: 'reach', label: { en: 'Reach', es: 'Alcance', fr: 'Portée' }, weight: 1, maxPoints: 10 });
		const edited = await updateCall(db, officer, call.id, v2, call.version);
		expect(edited.publishedVersion).toBe(2);
		// The history names what changed, and only that.
		const [logged] = await db.select().from(activityEvents).where(eq(activityEvents.subjectId, call.id)).then((r) => r.filter((e) => e.action === 'published'));
		expect(Object.keys(logged.changes ?? {}).sort()).toEqual(['publishedVersion', 'stages']);
		const versions = await listCallVersions(db, officer, call.id);
		expect(versions.map((v) => [v.number, v.applications])).toEqual([
			[2, 0],
			[1, 1]
		]);

		// The early draft still sees version 1: no new question, and it submits without it.
		const earlyView = await getApplication(db, applicant, early.id);
		expect(earlyView.application.callVersion).toBe(1);
		expect(JSON.stringify(earlyView.stage.form)).not.toContain('partners');
		const late = await draft(call.id);
		expect((await getApplication(db, applicant, late.id)).application.callVersion).toBe(2);
		expect(await outcome(() => transitionApplication(db, applicant, late.id, { transition: 'submit', version: 1 }))).toBe('INVALID_INPUT');
		await saveAnswers(db, applicant, late.id, { answers: miniGrantAnswers({ partners: 'The city council and a newspaper' }) });

		// Reviews follow each version's rubric.
		await toReview(early.id);
		await toReview(late.id);
		const earlyReview = await submitReview(db, reviewer, early.id, { scores: V1_SCORES, revision: 1 });
		expect(Object.keys(earlyReview.scores).sort()).toEqual(['mandate', 'plan', 'value']);
		expect(await outcome(() => submitReview(db, reviewer, late.id, { scores: V1_SCORES, revision: 1 }))).toBe('INVALID_INPUT');
		const lateReview = await submitReview(db, reviewer, late.id, { scores: { ...V1_SCORES, reach: { points: 10, comment: '' } }, revision: 1 });
		expect(Object.keys(lateReview.scores).sort()).toEqual(['mandate', 'plan', 'reach', 'value']);
	});

	it('an edit of a draft call rewrites it in place, and an unchanged save publishes nothing', async () => {
		const db = database.db;
		const created = await createCall(db, officer, definition());
		const saved = await updateCall(db, officer, created.id, definition({ slug: created.slug, summary: { en: 'New', es: 'Nuevo', fr: 'Nouveau' } }), created.version);
		expect(saved.publishedVersion).toBe(1);
		expect(await listCallVersions(db, officer, created.id)).toEqual([]);
		const opened = (await changeCallStatus(db, officer, created.id, { transition: 'open', version: saved.version })).call;
		const same = await updateCall(db, officer, created.id, definition({ slug: created.slug, summary: { en: 'New', es: 'Nuevo', fr: 'Nouveau' } }), opened.version);
		expect(same.publishedVersion).toBe(1);
		expect((await listCallVersions(db, officer, created.id)).map((v) => v.number)).toEqual([1]);
	});

	it('an answered field cannot be removed or retyped, but may be archived: no longer asked, its answers still readable', async () => {
		const db = database.db;
		const call = await openCall();
		const early = await draft(call.id);
		await saveAnswers(db, applicant, early.id, { answers: miniGrantAnswers({ deliverables: 'A public dashboard' }) });

		const removed = definition({ slug: call.slug });
		removed.stages[0].form!.sections[0].fields = removed.stages[0].form!.sections[0].fields.filter((f) => f.id !== 'deliverables');
		expect(await outcome(() => updateCall(db, officer, call.id, removed, call.version))).toBe('INVALID_INPUT');
		const retyped = definition({ slug: call.slug });
		retyped.stages[0].form!.sections[0].fields.find((f) => f.id === 'deliverables')!.type = 'short_text';
		const refusal = await updateCall(db, officer, call.id, retyped, call.version).catch((e: { fields?: Record<string, string[]> }) => e);
		expect(Object.keys((refusal as { fields: Record<string, string[]> }).fields)).toEqual(['stages.0.form.sections.0.fields.4._answers']);
		expect((await findCall(db, call.id)).publishedVersion).toBe(1);

		const archived = definition({ slug: call.slug });
		const field = archived.stages[0].form!.sections[0].fields.find((f) => f.id === 'deliverables')!;
		field.archived = true;
		field.required = true;
		const edited = await updateCall(db, officer, call.id, archived, call.version);
		expect(edited.publishedVersion).toBe(2);
		// A new application is not asked the archived question, even though it was marked required.
		const late = await draft(call.id);
		expect(await outcome(() => transitionApplication(db, applicant, late.id, { transition: 'submit', version: 1 }))).toBe('OK');
		// The early answer is kept, under its question.
		const earlyView = await getApplication(db, officer, early.id);
		expect(earlyView.application.answers.deliverables).toBe('A public dashboard');
	});
});

describe('scheduled opening and closing', () => {
	it('the job queue opens a draft at its opening and closes it at its closing, telling draft holders', async () => {
		const db = database.db;
		const queue = new LocalJobQueue(db, { pollMs: 3_600_000 });
		registerGrantJobs(queue, db);
		// Opening a minute ago (the queue was down, say): the step runs as soon as the queue looks.
		const opensAt = new Date(Date.now() - 60_000);
		const closesAt = new Date(Date.now() + 3_600_000);
		const call = await createCall(db, officer, definition({ rolling: false, scheduled: true, timeZone: 'America/Bogota', opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() }));
		await scheduleCall(call, queue);

		await queue.runDue(new Date(opensAt.getTime() - 1000));
		expect((await findCall(db, call.id)).status).toBe('draft');
		await queue.runDue(new Date());
		const opened = await findCall(db, call.id);
		expect(opened.status).toBe('open');
		expect((await listCallVersions(db, officer, call.id)).map((v) => v.number)).toEqual([1]);

		await draft(call.id);
		const before = (await db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'grant_call_closed'))).length;
		await queue.runDue(new Date(closesAt.getTime() + 1000));
		expect((await findCall(db, call.id)).status).toBe('closed');
		expect((await db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'grant_call_closed'))).length).toBeGreaterThan(before);
		const steps = await db.select().from(activityEvents).where(eq(activityEvents.subjectId, call.id));
		expect(steps.filter((s) => s.actorId === null).map((s) => s.action).sort()).toEqual(['close', 'open']);
	});

	it('a moved date makes the planned step stale; a call missing a text stays a draft and says why', async () => {
		const db = database.db;
		const queue = new LocalJobQueue(db, { pollMs: 3_600_000 });
		registerGrantJobs(queue, db);
		const opensAt = new Date(Date.now() + 60_000);
		const closesAt = new Date(Date.now() + 7_200_000);
		const def = definition({ rolling: false, scheduled: true, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() });
		delete def.title.fr;
		const call = await createCall(db, officer, def);
		await scheduleCall(call, queue);
		await queue.runDue(new Date(opensAt.getTime() + 1000));
		expect((await findCall(db, call.id)).status).toBe('draft');
		const [refused] = await db.select().from(activityEvents).where(eq(activityEvents.subjectId, call.id)).then((r) => r.filter((e) => e.action === 'open_refused'));
		expect(refused.actorId).toBeNull();

		// Moved later: the old closing time does nothing.
		const later = new Date(closesAt.getTime() + 3_600_000);
		const moved = await updateCall(db, officer, call.id, { ...definition({ slug: call.slug }), rolling: false, scheduled: true, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: later.toISOString() }, (await findCall(db, call.id)).version);
		await scheduleCall(moved, queue);
		await queue.runDue(new Date());
		expect((await findCall(db, call.id)).status).toBe('open');
		await queue.runDue(new Date(closesAt.getTime() + 1000));
		expect((await findCall(db, call.id)).status).toBe('open');
		await queue.runDue(new Date(later.getTime() + 1000));
		expect((await findCall(db, call.id)).status).toBe('closed');
	});

	it('a schedule needs dates', async () => {
		expect(await outcome(() => createCall(database.db, officer, definition({ rolling: true, scheduled: true })))).toBe('INVALID_INPUT');
	});
});

describe('the call API’s use cases', () => {
	it('reads a definition with its save token, saves it back once, and refuses a stale or malformed save', async () => {
		const db = database.db;
		const call = await openCall();
		const read = await getCallDefinition(db, officer, call.id);
		expect(read).toMatchObject({ status: 'open', version: call.version, publishedVersion: 1 });
		const changed = { ...read.definition, title: { en: 'Renamed', es: 'Renombrada', fr: 'Renommé' } };
		const saved = await putCall(db, officer, call.id, { version: read.version, definition: changed });
		expect(saved.publishedVersion).toBe(2);
		expect(await outcome(() => putCall(db, officer, call.id, { version: read.version, definition: changed }))).toBe('CONFLICT');
		expect(await outcome(() => putCall(db, officer, call.id, { definition: changed }))).toBe('INVALID_INPUT');
		expect(await outcome(() => putCall(db, officer, call.id, { version: saved.version, definition: { ...changed, budget: -1 } }))).toBe('INVALID_INPUT');
		expect((await listCallVersions(db, officer, call.id)).map((v) => v.definition.title.en)).toEqual(['Renamed', read.definition.title.en]);
	});
});

describe('defining a call again through POST /api/v1/calls', () => {
	it('publishes a new version of a call that has been open, and leaves its applications on theirs', async () => {
		const db = database.db;
		const call = await openCall();
		const early = await draft(call.id);
		const v2 = definition({ slug: call.slug });
		v2.stages[0].form!.sections[0].fields.push({ id: 'partners', type: 'long_text', required: true, label: { en: 'Partners', es: 'Socios', fr: 'Partenaires' } });
		const { call: replaced, created } = await defineCallTelling(db, officer, v2);
		expect(created, 'a known address is saved over, not created (the API answers 200)').toBe(false);
		expect(replaced.publishedVersion).toBe(2);
		expect(replaced.version).toBe(call.version + 1);
		expect(await outcome(() => transitionApplication(db, applicant, early.id, { transition: 'submit', version: 1 }))).toBe('OK');
	});

	it('a new address opens as version 1 only with every offered language complete; a scheduled one waits as a draft', async () => {
		const db = database.db;
		const { call: made, created } = await defineCallTelling(db, officer, definition());
		expect(created, 'a new address is created (the API answers 201)').toBe(true);
		expect(made).toMatchObject({ status: 'open', publishedVersion: 1 });
		expect((await listCallVersions(db, officer, made.id)).map((v) => v.number)).toEqual([1]);

		const untranslated = definition();
		delete untranslated.stages[0].form!.sections[0].fields[0].label.fr;
		const refusal = await defineCall(db, officer, untranslated).catch((e: { code: string; fields?: Record<string, string[]> }) => e);
		expect((refusal as { code: string }).code).toBe('INVALID_INPUT');
		expect(Object.keys((refusal as { fields: Record<string, string[]> }).fields)).toEqual(['stages.0.form.sections.0.fields.0.label.fr']);
		// Nothing of it is kept: neither the call nor a draft of it.
		expect(await db.select().from(grantCalls).where(eq(grantCalls.slug, untranslated.slug))).toEqual([]);

		const later = new Date(Date.now() + 86_400_000);
		const scheduled = await defineCall(db, officer, definition({ rolling: false, scheduled: true, opensAt: later.toISOString(), closesAt: new Date(later.getTime() + 86_400_000).toISOString() }));
		expect(scheduled.status).toBe('draft');
	});

	it('follows the builder’s rules over a known address: answered fields stay, bad input and archived calls are refused, nothing changes', async () => {
		const db = database.db;
		const call = await openCall();
		await draft(call.id);
		const removed = definition({ slug: call.slug });
		removed.stages[0].form!.sections[0].fields = removed.stages[0].form!.sections[0].fields.filter((f) => f.id !== 'goal');
		removed.stages[0].form!.titleField = 'mandate';
		expect(await outcome(() => defineCall(db, officer, removed))).toBe('INVALID_INPUT');
		const retyped = definition({ slug: call.slug });
		retyped.stages[0].form!.sections[0].fields.find((f) => f.id === 'deadline')!.type = 'short_text';
		const refusal = await defineCall(db, officer, retyped).catch((e: { fields?: Record<string, string[]> }) => e);
		expect(Object.keys((refusal as { fields: Record<string, string[]> }).fields)).toEqual(['stages.0.form.sections.0.fields.1._answers']);
		const badWeights = definition({ slug: call.slug });
		badWeights.stages[0].rubric!.criteria[0].weight = 0;
		expect(await outcome(() => defineCall(db, officer, badWeights))).toBe('INVALID_INPUT');
		expect(await findCall(db, call.id)).toMatchObject({ version: call.version, publishedVersion: 1 });

		const closed = (await changeCallStatus(db, officer, call.id, { transition: 'close', version: call.version })).call;
		const archived = (await changeCallStatus(db, officer, call.id, { transition: 'archive', version: closed.version })).call;
		expect(await outcome(() => defineCall(db, officer, definition({ slug: call.slug })))).toBe('INVALID_TRANSITION');
		expect((await findCall(db, call.id)).version).toBe(archived.version);
	});

	it('is refused to reviewers and partners', async () => {
		expect(await outcome(() => defineCall(database.db, reviewer, definition()))).toBe('FORBIDDEN');
		expect(await outcome(() => defineCall(database.db, applicant, definition()))).toBe('FORBIDDEN');
	});
});
