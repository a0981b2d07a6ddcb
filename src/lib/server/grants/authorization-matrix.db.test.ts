import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToNeedToKnow } from '../directory/add-to-need-to-know.ts';
import { loadActor } from '../identity/load-actor.ts';
import type { Database } from '../db/client.ts';
import { ANONYMOUS, type Actor } from '../identity/actor.ts';
import { makeOrganisation, makeUser } from '../seed/factories.ts';
import { memberships, people } from '../directory/schema.ts';
import { ELIGIBLE_MINI, makeMiniGrantCall, miniGrantAnswers } from '../seed/grants-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { assignReviewer } from './assign-reviewer.ts';
import { changeCallStatus } from './change-call-status.ts';
import { copyCall } from './copy-call.ts';
import { createCall } from './create-call.ts';
import { defineCall } from './define-call.ts';
import { listCalls } from './list-calls.ts';
import { MINI_GRANT_CALL } from './programmes.ts';
import { putCall, updateCall } from './update-call.ts';
import { getCallDefinition } from './get-call-definition.ts';
import { listCallVersions } from './list-call-versions.ts';
import { awardGrant } from './award-grant.ts';
import { declareInterest } from './declare-interest.ts';
import { getApplication } from './get-application.ts';
import { listApplications } from './list-applications.ts';
import { planTranche } from './plan-tranche.ts';
import { saveAnswers } from './save-answers.ts';
import { startApplication } from './start-application.ts';
import { submitReview } from './submit-review.ts';
import { transitionApplication } from './transition-application.ts';

// Who may do what with an application, written out. Each cell runs against a fresh application
// in the state the verb needs, so an allowed action really succeeds.

type Who = 'applicantA' | 'applicantB' | 'reviewerAssigned' | 'reviewerOther' | 'externalAssigned' | 'externalOther' | 'finance' | 'officer' | 'admin' | 'visitor';
const WHO: Who[] = ['applicantA', 'applicantB', 'reviewerAssigned', 'reviewerOther', 'externalAssigned', 'externalOther', 'finance', 'officer', 'admin', 'visitor'];

let database: Database;
let callId: string;
let orgA: string;
const actors = {} as Record<Who, Actor>;
const uid = (a: Actor) => (a.kind === 'user' ? a.userId : '');

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	// A budget no run of the matrix can exhaust: every cell awards on a fresh application.
	callId = (await makeMiniGrantCall(db, { budget: 10_000_000 })).id;
	orgA = (await makeOrganisation(db, { kind: 'civil_society' })).id;
	const orgB = (await makeOrganisation(db, { kind: 'civil_society' })).id;
	actors.applicantA = await actorFor(db, 'member', [[orgA, 'member']]);
	actors.applicantB = await actorFor(db, 'member', [[orgB, 'owner']]);
	actors.reviewerAssigned = await actorFor(db, 'reviewer');
	actors.reviewerOther = await actorFor(db, 'reviewer');
	actors.externalAssigned = await actorFor(db, 'external_reviewer');
	actors.externalOther = await actorFor(db, 'external_reviewer');
	actors.finance = await actorFor(db, 'finance');
	actors.officer = await actorFor(db, 'programme_officer');
	actors.admin = await actorFor(db, 'admin');
	actors.visitor = ANONYMOUS;
});
afterAll(() => database.close());

type Stage = 'draft' | 'in_review' | 'decision' | 'awarded';
async function fixture(stage: Stage, declared = false) {
	const db = database.db;
	const app = await startApplication(db, actors.applicantA, { callId, organisationId: orgA, screener: ELIGIBLE_MINI });
	await saveAnswers(db, actors.applicantA, app.id, { answers: miniGrantAnswers() });
	if (stage === 'draft') return { id: app.id, version: 1, awardId: '' };
	let a = await transitionApplication(db, actors.applicantA, app.id, { transition: 'submit', version: 1 });
	a = await transitionApplication(db, actors.officer, app.id, { transition: 'start_screening', version: a.version });
	a = await transitionApplication(db, actors.officer, app.id, { transition: 'send_to_review', version: a.version });
	for (const r of [actors.reviewerAssigned, actors.externalAssigned]) {
		await assignReviewer(db, actors.officer, app.id, { reviewerId: uid(r) });
		if (declared) await declareInterest(db, r, app.id, { conflict: false });
	}
	if (stage === 'in_review') return { id: app.id, version: a.version, awardId: '' };
	a = await transitionApplication(db, actors.officer, app.id, { transition: 'to_decision', version: a.version });
	if (stage === 'decision') return { id: app.id, version: a.version, awardId: '' };
	const award = await awardGrant(db, actors.officer, app.id, { version: a.version, amount: 3000 });
	return { id: app.id, version: a.version + 1, awardId: award.id };
}

const scores = { mandate: { points: 3, comment: '' }, plan: { points: 3, comment: '' }, value: { points: 3, comment: '' } };
type F = Awaited<ReturnType<typeof fixture>>;
const VERBS: { verb: string; stage: Stage; declared?: boolean; run: (a: Actor, f: F) => Promise<unknown>; expect: Record<Who, string> }[] = [
	{
		verb: 'read an application in review', stage: 'in_review',
		run: (a, f) => getApplication(database.db, a, f.id),
		expect: { applicantA: 'OK', applicantB: 'NOT_FOUND', reviewerAssigned: 'OK', reviewerOther: 'NOT_FOUND', externalAssigned: 'OK', externalOther: 'NOT_FOUND', finance: 'NOT_FOUND', officer: 'OK', admin: 'OK', visitor: 'NOT_FOUND' }
	},
	{
		verb: 'edit a draft', stage: 'draft',
		run: (a, f) => saveAnswers(database.db, a, f.id, { answers: miniGrantAnswers({ goal: 'Changed' }) }),
		expect: { applicantA: 'OK', applicantB: 'NOT_FOUND', reviewerAssigned: 'NOT_FOUND', reviewerOther: 'NOT_FOUND', externalAssigned: 'NOT_FOUND', externalOther: 'NOT_FOUND', finance: 'NOT_FOUND', officer: 'FORBIDDEN', admin: 'FORBIDDEN', visitor: 'NOT_FOUND' }
	},
	{
		verb: 'submit a draft', stage: 'draft',
		run: (a, f) => transitionApplication(database.db, a, f.id, { transition: 'submit', version: f.version }),
		expect: { applicantA: 'OK', applicantB: 'NOT_FOUND', reviewerAssigned: 'NOT_FOUND', reviewerOther: 'NOT_FOUND', externalAssigned: 'NOT_FOUND', externalOther: 'NOT_FOUND', finance: 'NOT_FOUND', officer: 'FORBIDDEN', admin: 'FORBIDDEN', visitor: 'NOT_FOUND' }
	},
	{
		verb: 'assign a reviewer', stage: 'in_review',
		run: (a, f) => assignReviewer(database.db, a, f.id, { reviewerId: uid(actors.reviewerOther) }),
		expect: { applicantA: 'FORBIDDEN', applicantB: 'FORBIDDEN', reviewerAssigned: 'FORBIDDEN', reviewerOther: 'FORBIDDEN', externalAssigned: 'FORBIDDEN', externalOther: 'FORBIDDEN', finance: 'FORBIDDEN', officer: 'OK', admin: 'OK', visitor: 'FORBIDDEN' }
	},
	{
		verb: 'score an application', stage: 'in_review', declared: true,
		run: (a, f) => submitReview(database.db, a, f.id, { scores, revision: 1 }),
		expect: { applicantA: 'FORBIDDEN', applicantB: 'NOT_FOUND', reviewerAssigned: 'OK', reviewerOther: 'NOT_FOUND', externalAssigned: 'OK', externalOther: 'NOT_FOUND', finance: 'NOT_FOUND', officer: 'FORBIDDEN', admin: 'FORBIDDEN', visitor: 'NOT_FOUND' }
	},
	{
		verb: 'decline at decision', stage: 'decision',
		run: (a, f) => transitionApplication(database.db, a, f.id, { transition: 'decline', version: f.version }),
		expect: { applicantA: 'FORBIDDEN', applicantB: 'NOT_FOUND', reviewerAssigned: 'FORBIDDEN', reviewerOther: 'NOT_FOUND', externalAssigned: 'FORBIDDEN', externalOther: 'NOT_FOUND', finance: 'NOT_FOUND', officer: 'OK', admin: 'OK', visitor: 'NOT_FOUND' }
	},
	{
		verb: 'award', stage: 'decision',
		run: (a, f) => awardGrant(database.db, a, f.id, { version: f.version, amount: 1000 }),
		expect: { applicantA: 'FORBIDDEN', applicantB: 'NOT_FOUND', reviewerAssigned: 'FORBIDDEN', reviewerOther: 'NOT_FOUND', externalAssigned: 'FORBIDDEN', externalOther: 'NOT_FOUND', finance: 'NOT_FOUND', officer: 'OK', admin: 'OK', visitor: 'NOT_FOUND' }
	},
	{
		verb: 'plan a disbursement', stage: 'awarded',
		run: (a, f) => planTranche(database.db, a, f.awardId, { plannedDate: '2026-12-01', plannedAmount: 1000 }),
		expect: { applicantA: 'FORBIDDEN', applicantB: 'FORBIDDEN', reviewerAssigned: 'FORBIDDEN', reviewerOther: 'FORBIDDEN', externalAssigned: 'FORBIDDEN', externalOther: 'FORBIDDEN', finance: 'OK', officer: 'FORBIDDEN', admin: 'FORBIDDEN', visitor: 'FORBIDDEN' }
	},
	{
		verb: 'read an awarded grant', stage: 'awarded',
		run: (a, f) => getApplication(database.db, a, f.id),
		expect: { applicantA: 'OK', applicantB: 'NOT_FOUND', reviewerAssigned: 'OK', reviewerOther: 'NOT_FOUND', externalAssigned: 'OK', externalOther: 'NOT_FOUND', finance: 'OK', officer: 'OK', admin: 'OK', visitor: 'NOT_FOUND' }
	}
];

describe('grants authorization matrix', () => {
	for (const v of VERBS)
		it(v.verb, async () => {
			const got = {} as Record<Who, string>;
			for (const who of WHO) got[who] = await outcome(async () => v.run(actors[who], await fixture(v.stage, v.declared)));
			expect(got).toEqual(v.expect);
		});

	it('only programme staff list every application; others list what they may see', async () => {
		const f = await fixture('in_review');
		const ids = async (who: Who) => (await listApplications(database.db, actors[who], {})).rows.map((r) => r.id);
		expect(await ids('officer')).toContain(f.id);
		expect(await ids('reviewerAssigned')).toContain(f.id);
		expect(await ids('reviewerOther')).not.toContain(f.id);
		expect(await ids('applicantB')).toEqual([]);
		expect(await ids('visitor')).toEqual([]);
	});

	it('a sensitive applicant’s identity: its name to admins, officers, staff on its need-to-know list and its members; its reference to assigned reviewers not on the list', async () => {
		const db = database.db;
		const quiet = await makeOrganisation(db, { kind: 'civil_society', name: 'Hidden Watch Collective', sensitive: true });
		const member = await actorFor(db, 'member', [[quiet.id, 'owner']]);
		const app = await startApplication(db, member, { callId, organisationId: quiet.id, screener: ELIGIBLE_MINI });
		await saveAnswers(db, member, app.id, { answers: miniGrantAnswers() });
		let a = await transitionApplication(db, member, app.id, { transition: 'submit', version: 1 });
		a = await transitionApplication(db, actors.officer, app.id, { transition: 'start_screening', version: a.version });
		await transitionApplication(db, actors.officer, app.id, { transition: 'send_to_review', version: a.version });
		const listedReviewer = await actorFor(db, 'reviewer');
		await addToNeedToKnow(db, actors.officer, quiet.id, { userId: uid(listedReviewer) });
		for (const r of [actors.reviewerAssigned, actors.externalAssigned, listedReviewer]) await assignReviewer(db, actors.officer, app.id, { reviewerId: uid(r) });
		const identity = async (who: Actor) => {
			const read = await outcome(() => getApplication(db, who, app.id));
			if (read !== 'OK') return read;
			const view = JSON.stringify(await getApplication(db, who, app.id));
			const listed = JSON.stringify((await listApplications(db, who, {})).rows.filter((r) => r.id === app.id));
			if (view.includes('Hidden Watch') || listed.includes('Hidden Watch')) return 'NAME';
			return view.includes(quiet.reference) && listed.includes(quiet.reference) ? 'REFERENCE' : 'NEITHER';
		};
		const got: Record<string, string> = { member: await identity(member), reviewerAssignedListed: await identity(await loadActor(db, uid(listedReviewer), 'session')) };
		for (const who of WHO) got[who] = await identity(actors[who]);
		expect(got).toEqual({
			member: 'NAME', reviewerAssignedListed: 'NAME', applicantA: 'NOT_FOUND', applicantB: 'NOT_FOUND', reviewerAssigned: 'REFERENCE', reviewerOther: 'NOT_FOUND',
			externalAssigned: 'REFERENCE', externalOther: 'NOT_FOUND', finance: 'NOT_FOUND', officer: 'NAME', admin: 'NAME', visitor: 'NOT_FOUND'
		});
		// The outside reviewer still reviews the substance, once they have declared no conflict.
		await declareInterest(db, actors.externalAssigned, app.id, { conflict: false });
		const ext = await getApplication(db, actors.externalAssigned, app.id);
		expect(ext.seeAnswers).toBe(true);
		expect(JSON.stringify(ext)).not.toContain('Hidden Watch');
	});
});

describe('a sensitive applicant, audited for staff on and off its need-to-know list', () => {
	// Everything the grants pages and API hand each reader (the application view, the list rows, a
	// search, the title sort), checked for the partner's name, country, people, members and the
	// names its applicant wrote into the answers.
	const SECRETS = ['Hidden Watch', 'hidden watch', 'Yulia Quietwood', 'yulia@hiddenwatch.example', 'Nadia Sentinel', 'nadia@hiddenwatch.example', 'Ana Pérez', '"country":"BY"'];
	let quiet: Awaited<ReturnType<typeof makeOrganisation>>;
	let appId: string;
	let plainId: string;
	const reader = {} as Record<'reviewerListed' | 'reviewerOff' | 'externalAssigned' | 'financeListed' | 'financeOff' | 'officer' | 'admin' | 'member', Actor>;

	beforeAll(async () => {
		const db = database.db;
		quiet = await makeOrganisation(db, { kind: 'civil_society', name: 'Hidden Watch Collective', sensitive: true, country: 'BY', region: 'europe' });
		await db.insert(people).values({ organisationId: quiet.id, name: 'Yulia Quietwood', email: 'yulia@hiddenwatch.example' });
		const memberUser = await makeUser(db, { role: 'member', name: 'Nadia Sentinel', email: 'nadia@hiddenwatch.example' });
		reader.member = await actorFor(db, 'member', [[quiet.id, 'owner']]);
		await db.insert(memberships).values({ organisationId: quiet.id, userId: memberUser.id, role: 'member' });
		for (const [k, role] of [['reviewerListed', 'reviewer'], ['reviewerOff', 'reviewer'], ['externalAssigned', 'external_reviewer'], ['financeListed', 'finance'], ['financeOff', 'finance']] as const)
			reader[k] = await actorFor(db, role);
		reader.officer = actors.officer;
		reader.admin = actors.admin;
		for (const k of ['reviewerListed', 'financeListed'] as const) {
			await addToNeedToKnow(db, actors.officer, quiet.id, { userId: uid(reader[k]) });
			reader[k] = await loadActor(db, uid(reader[k]), 'session');
		}
		// The applicant writes its own name and a member's name into the substance.
		const answers = miniGrantAnswers({ goal: 'Hidden Watch Collective monitors the courts', mandate: 'Led by Nadia Sentinel with Yulia Quietwood; write to yulia@hiddenwatch.example' });
		const app = await startApplication(db, reader.member, { callId, organisationId: quiet.id, screener: ELIGIBLE_MINI });
		await saveAnswers(db, reader.member, app.id, { answers });
		let a = await transitionApplication(db, reader.member, app.id, { transition: 'submit', version: 1 });
		a = await transitionApplication(db, actors.officer, app.id, { transition: 'start_screening', version: a.version });
		a = await transitionApplication(db, actors.officer, app.id, { transition: 'send_to_review', version: a.version });
		for (const k of ['reviewerListed', 'reviewerOff', 'externalAssigned'] as const) {
			await assignReviewer(db, actors.officer, app.id, { reviewerId: uid(reader[k]) });
			await declareInterest(db, reader[k], app.id, { conflict: false });
		}
		a = await transitionApplication(db, actors.officer, app.id, { transition: 'to_decision', version: a.version });
		await awardGrant(db, actors.officer, app.id, { version: a.version, amount: 3000 });
		appId = app.id;
		// An ordinary application whose title sorts between the partner's real name and its reference.
		const plain = await startApplication(db, actors.applicantA, { callId, organisationId: orgA, screener: ELIGIBLE_MINI });
		await saveAnswers(db, actors.applicantA, plain.id, { answers: miniGrantAnswers({ goal: 'Mmm, the municipal budget' }) });
		a = await transitionApplication(db, actors.applicantA, plain.id, { transition: 'submit', version: 1 });
		a = await transitionApplication(db, actors.officer, plain.id, { transition: 'start_screening', version: a.version });
		await transitionApplication(db, actors.officer, plain.id, { transition: 'send_to_review', version: a.version });
		for (const k of ['reviewerListed', 'reviewerOff', 'externalAssigned'] as const) await assignReviewer(db, actors.officer, plain.id, { reviewerId: uid(reader[k]) });
		plainId = plain.id;
	});

	const leaks = (text: string) => SECRETS.filter((x) => text.includes(x));

	it('the application page and API: names for those entitled, the reference and withheld people for the others', async () => {
		const got: Record<string, string> = {};
		for (const [who, actor] of Object.entries(reader)) {
			const view = await getApplication(database.db, actor, appId);
			const text = JSON.stringify(view);
			got[who] = leaks(text).length ? 'NAME' : text.includes(quiet.reference) ? 'REFERENCE' : 'NEITHER';
		}
		expect(got).toEqual({ reviewerListed: 'NAME', reviewerOff: 'REFERENCE', externalAssigned: 'REFERENCE', financeListed: 'NAME', financeOff: 'REFERENCE', officer: 'NAME', admin: 'NAME', member: 'NAME' });
		// The off-list reviewer still reads the substance, with the person's name withheld.
		const off = await getApplication(database.db, reader.reviewerOff, appId);
		expect(off.seeAnswers).toBe(true);
		expect(off.withheld).toEqual(['manager_name', 'manager_email']);
		expect(off.application.answers.manager_name).toBeNull();
		expect(off.application.answers.manager_role).toBe('Campaign manager');
		expect(off.application.title).toBe(`Partner ${quiet.reference} monitors the courts`);
		expect(off.application.answers.mandate).toBe('Led by Name withheld with Name withheld; write to Name withheld');
		expect(off.org).toEqual({ id: quiet.id, name: `Partner ${quiet.reference}`, reference: quiet.reference, sensitive: true, region: 'europe', masked: true });
		expect((await getApplication(database.db, reader.reviewerListed, appId)).withheld).toEqual([]);
	});

	it('the list: rows, a search for the name and the title sort reveal nothing off the list', async () => {
		const got: Record<string, string> = {};
		for (const [who, actor] of Object.entries(reader)) {
			const rows = (await listApplications(database.db, actor, {})).rows.filter((r) => r.id === appId);
			const found = (await listApplications(database.db, actor, { q: 'hidden watch' })).rows.some((r) => r.id === appId);
			got[who] = rows.length === 0 ? 'NOT_LISTED' : leaks(JSON.stringify(rows)).length ? 'NAME' : found ? 'FOUND_BY_NAME' : 'REFERENCE';
		}
		expect(got).toEqual({ reviewerListed: 'NAME', reviewerOff: 'REFERENCE', externalAssigned: 'REFERENCE', financeListed: 'NAME', financeOff: 'REFERENCE', officer: 'NAME', admin: 'NAME', member: 'NAME' });
		// "Hidden…" sorts before "Mmm…", "Partner SH-…" after it: off the list the row sits where its shown title puts it.
		const order = async (a: Actor) => (await listApplications(database.db, a, { sort: 'title' })).rows.map((r) => r.id).filter((id) => id === appId || id === plainId);
		expect(await order(reader.reviewerOff)).toEqual([plainId, appId]);
		expect(await order(reader.externalAssigned)).toEqual([plainId, appId]);
		expect(await order(reader.reviewerListed)).toEqual([appId, plainId]);
	});
});

describe('call builder authorization matrix', () => {
	// Building and running calls is for programme officers and admins only; everyone else is refused.
	const staffOnly: Record<Who, string> = { applicantA: 'FORBIDDEN', applicantB: 'FORBIDDEN', reviewerAssigned: 'FORBIDDEN', reviewerOther: 'FORBIDDEN', externalAssigned: 'FORBIDDEN', externalOther: 'FORBIDDEN', finance: 'FORBIDDEN', officer: 'OK', admin: 'OK', visitor: 'FORBIDDEN' };
	let n = 0;
	const fresh = () => createCall(database.db, actors.admin, { ...MINI_GRANT_CALL, slug: `matrix-call-${++n}` });
	const BUILDER_VERBS: { verb: string; run: (a: Actor) => Promise<unknown> }[] = [
		{ verb: 'create a call', run: (a) => createCall(database.db, a, { ...MINI_GRANT_CALL, slug: `matrix-new-${++n}` }) },
		{ verb: 'edit a call', run: async (a) => { const c = await fresh(); return updateCall(database.db, a, c.id, { ...MINI_GRANT_CALL, slug: c.slug }, c.version); } },
		{ verb: 'copy a call', run: async (a) => copyCall(database.db, a, (await fresh()).id) },
		{ verb: 'open a call', run: async (a) => { const c = await fresh(); return changeCallStatus(database.db, a, c.id, { transition: 'open', version: c.version }); } },
		{ verb: 'list every call', run: (a) => listCalls(database.db, a) },
		{ verb: 'read a call’s definition (API)', run: async (a) => getCallDefinition(database.db, a, (await fresh()).id) },
		{ verb: 'define a call by its address (API)', run: (a) => defineCall(database.db, a, { ...MINI_GRANT_CALL, slug: `matrix-defined-${++n}` }) },
		{ verb: 'save a call’s definition (API)', run: async (a) => { const c = await fresh(); return putCall(database.db, a, c.id, { version: c.version, definition: { ...MINI_GRANT_CALL, slug: c.slug } }); } },
		{ verb: 'list a call’s versions', run: async (a) => listCallVersions(database.db, a, (await fresh()).id) },
		{
			verb: 'close a call',
			run: async (a) => {
				const c = await fresh();
				const opened = await changeCallStatus(database.db, actors.admin, c.id, { transition: 'open', version: c.version });
				return changeCallStatus(database.db, a, c.id, { transition: 'close', version: opened.call.version });
			}
		}
	];
	for (const v of BUILDER_VERBS)
		it(v.verb, async () => {
			const got = {} as Record<Who, string>;
			for (const who of WHO) got[who] = await outcome(() => v.run(actors[who]));
			expect(got).toEqual(staffOnly);
		});
});

describe('running a call at volume, cell by cell', () => {
	it('bulk actions, workload and messages are for officers and admins; exports also for finance (awards, disbursements)', async () => {
		const db = database.db;
		const { bulkActOnApplications } = await import('./bulk-act-on-applications.ts');
		const { reviewerWorkload } = await import('./reviewer-workload.ts');
		const { messageApplicants } = await import('./message-applicants.ts');
		const { exportApplications } = await import('./export-applications.ts');
		const app = await startApplication(db, actors.applicantA, { callId, organisationId: orgA, screener: ELIGIBLE_MINI });
		const got = {} as Record<Who, string>;
		for (const who of WHO) {
			const a = actors[who];
			const cells = [
				await outcome(() => bulkActOnApplications(db, a, { action: 'start_screening', scope: 'selected', id: [app.id], status: 'in_review' })),
				await outcome(() => reviewerWorkload(db, a)),
				await outcome(() => messageApplicants(db, a, callId, { subject_en: 'Hello', body_en: 'News', status: 'draft' })),
				...(await Promise.all(['applications', 'reviews', 'awards', 'disbursements'].map((what) => outcome(() => exportApplications(db, a, { call: callId, what })))))
			];
			got[who] = cells.map((c) => (c === 'OK' ? 'Y' : c === 'INVALID_INPUT' ? 'y' : c === 'FORBIDDEN' ? '-' : c)).join(' ');
		}
		// Columns: bulk, workload, message, export applications / reviews / awards / disbursements.
		// "y": allowed, and refused only for the input (the ticked application is not in review).
		expect(got).toEqual({
			applicantA: '- - - - - - -', applicantB: '- - - - - - -', reviewerAssigned: '- - - - - - -', reviewerOther: '- - - - - - -',
			externalAssigned: '- - - - - - -', externalOther: '- - - - - - -', finance: '- - - - - Y Y',
			officer: 'y Y Y Y Y Y Y', admin: 'y Y Y Y Y Y Y', visitor: '- - - - - - -'
		});
	});
});
