import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAudit } from '../activity/export-audit.ts';
import type { Database } from '../db/client.ts';
import { addToNeedToKnow } from '../directory/add-to-need-to-know.ts';
import { exportRequests } from '../engagement/export-requests.ts';
import { assignReviewer } from '../grants/assign-reviewer.ts';
import { awardGrant } from '../grants/award-grant.ts';
import { declareInterest } from '../grants/declare-interest.ts';
import { exportApplications } from '../grants/export-applications.ts';
import { listRegister } from '../grants/list-register.ts';
import { planTranche } from '../grants/plan-tranche.ts';
import { saveAnswers } from '../grants/save-answers.ts';
import { startApplication } from '../grants/start-application.ts';
import { submitReview } from '../grants/submit-review.ts';
import { toThreeSixtyGivingCsv } from '../grants/three-sixty-giving.ts';
import { transitionApplication } from '../grants/transition-application.ts';
import type { Actor } from '../identity/actor.ts';
import { loadActor } from '../identity/load-actor.ts';
import { exportInsightTable } from '../insight/export-insight-table.ts';
import { outboxMessages } from '../mail/schema.ts';
import { listNotifications } from '../notifications/list-notifications.ts';
import { sendDigests } from '../notifications/send-digests.ts';
import { makeRequest } from '../seed/engagement-factories.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { ELIGIBLE_MINI, makeMiniGrantCall, miniGrantAnswers } from '../seed/grants-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { fileBytes, fileText } from '../testing/read-table.ts';
import { freshDatabase } from '../testing/test-db.ts';

// Every file that leaves the hub, taken out by staff on and off a sensitive partner's need-to-know
// list: a file carries the partner's neutral reference only (decision 043), whoever takes it out,
// so even those on the list find neither its name nor its country in it.

type Who = 'reviewerListed' | 'reviewerOff' | 'external' | 'financeListed' | 'financeOff' | 'officer' | 'admin';
const WHO: Who[] = ['reviewerListed', 'reviewerOff', 'external', 'financeListed', 'financeOff', 'officer', 'admin'];
const NAME = 'Hidden Watch';

let database: Database;
const actors = {} as Record<Who, Actor>;
const uid = (a: Actor) => (a.kind === 'user' ? a.userId : '');

async function text(file: { body: string | Uint8Array | ReadableStream<Uint8Array>; contentType: string }): Promise<string> {
	if (file.contentType.startsWith('text/')) return fileText(file);
	const book = new ExcelJS.Workbook();
	await book.xlsx.load((await fileBytes(file)) as unknown as ArrayBuffer);
	const cells: string[] = [];
	book.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => cells.push(String(c.text)))));
	return cells.join('\n');
}

let reference = '';
beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	const quiet = await makeOrganisation(db, { name: 'Hidden Watch Collective', sensitive: true, country: 'BY', region: 'europe' });
	reference = quiet.reference;
	actors.officer = await actorFor(db, 'programme_officer');
	actors.admin = await actorFor(db, 'admin');
	actors.reviewerListed = await actorFor(db, 'reviewer');
	actors.reviewerOff = await actorFor(db, 'reviewer');
	actors.external = await actorFor(db, 'external_reviewer');
	actors.financeListed = await actorFor(db, 'finance');
	actors.financeOff = await actorFor(db, 'finance');
	for (const k of ['reviewerListed', 'financeListed'] as const) {
		await addToNeedToKnow(db, actors.officer, quiet.id, { userId: uid(actors[k]) });
		actors[k] = await loadActor(db, uid(actors[k]), 'session');
	}
	// A request and an awarded, reviewed, partly paid grant, each with the partner's name in its own words.
	await makeRequest(db, { organisationId: quiet.id, goal: 'Hidden Watch Collective keeps the court record', country: 'BY', status: 'submitted', submittedAt: new Date() });
	const member = await actorFor(db, 'member', [[quiet.id, 'owner']]);
	const callId = (await makeMiniGrantCall(db, { budget: 1_000_000 })).id;
	const app = await startApplication(db, member, { callId, organisationId: quiet.id, screener: ELIGIBLE_MINI });
	await saveAnswers(db, member, app.id, { answers: miniGrantAnswers({ goal: 'Hidden Watch Collective monitors the courts', mandate: 'Hidden Watch Collective asks the court' }) });
	let a = await transitionApplication(db, member, app.id, { transition: 'submit', version: 1 });
	a = await transitionApplication(db, actors.officer, app.id, { transition: 'start_screening', version: a.version });
	a = await transitionApplication(db, actors.officer, app.id, { transition: 'send_to_review', version: a.version });
	for (const r of [actors.reviewerListed, actors.reviewerOff, actors.external]) {
		await assignReviewer(db, actors.officer, app.id, { reviewerId: uid(r) });
		await declareInterest(db, r, app.id, { conflict: false });
	}
	const points = { points: 4, comment: 'Hidden Watch Collective is well placed' };
	await submitReview(db, actors.reviewerListed, app.id, { scores: { mandate: points, plan: points, value: points }, revision: 1 });
	a = await transitionApplication(db, actors.officer, app.id, { transition: 'to_decision', version: a.version });
	const award = await awardGrant(db, actors.officer, app.id, { version: a.version, amount: 3000, conditions: 'Hidden Watch Collective reports twice' });
	await planTranche(db, actors.financeOff, award.id, { plannedDate: '2027-01-15', plannedAmount: 1500 });
});
afterAll(() => database.close());

type File = { body: string | Uint8Array | ReadableStream<Uint8Array>; contentType: string };
const F = 'FORBIDDEN', X = 'NO NAME';
// Columns: reviewer on the list, reviewer off it, external reviewer, finance on, finance off, officer, admin.
const EXPORTS: Record<string, [(a: Actor) => Promise<File>, string[]]> = {
	'requests CSV': [(a) => exportRequests(database.db, a, {}, 'csv'), [X, X, F, X, X, X, X]],
	'requests XLSX': [(a) => exportRequests(database.db, a, {}, 'xlsx'), [X, X, F, X, X, X, X]],
	'grant applications CSV': [(a) => exportApplications(database.db, a, { what: 'applications', format: 'csv' }), [F, F, F, F, F, X, X]],
	'grant reviews CSV': [(a) => exportApplications(database.db, a, { what: 'reviews', format: 'csv' }), [F, F, F, F, F, X, X]],
	'grant awards XLSX': [(a) => exportApplications(database.db, a, { what: 'awards', format: 'xlsx' }), [F, F, F, X, X, X, X]],
	'grant disbursements CSV': [(a) => exportApplications(database.db, a, { what: 'disbursements', format: 'csv' }), [F, F, F, X, X, X, X]],
	'insight grants CSV': [(a) => exportInsightTable(database.db, a, { table: 'grants', format: 'csv' }), [X, X, F, X, X, X, X]],
	'audit CSV': [(a) => exportAudit(database.db, a, {}), [F, F, F, F, F, F, X]],
	'open data (360Giving CSV)': [async () => ({ body: toThreeSixtyGivingCsv(await listRegister(database.db, 'en')), contentType: 'text/csv' }), [X, X, X, X, X, X, X]]
};

describe('exports carry no sensitive partner’s name, on the list or off it', () => {
	for (const [what, [run, expected]] of Object.entries(EXPORTS))
		it(what, async () => {
			const got = {} as Record<Who, string>;
			for (const who of WHO) {
				let body = '';
				const result = await outcome(async () => void (body = await text(await run(actors[who]))));
				got[who] = result !== 'OK' ? result : body.includes(NAME) ? 'NAME' : 'NO NAME';
			}
			expect(got).toEqual(Object.fromEntries(WHO.map((w, i) => [w, expected[i]])));
		});

	it('the files that list the partner name it by its reference, without its country', async () => {
		const requests = await text(await exportRequests(database.db, actors.officer, {}, 'csv'));
		expect(requests).toContain(`Partner ${reference}`);
		expect(requests).not.toContain(',BY,');
		const awards = await text(await exportApplications(database.db, actors.financeOff, { what: 'awards', format: 'csv' }));
		expect(awards).toContain(`Partner ${reference} monitors the courts`);
		expect(awards).toContain(`Partner ${reference} reports twice`);
		const audit = await text(await exportAudit(database.db, actors.admin, {}));
		expect(audit).toContain(`Partner ${reference} monitors the courts`);
	});
});

describe('notices and mails name no sensitive partner, on the list or off it', () => {
	it('each person’s notices, as listed and as titled, carry the reference at most', async () => {
		const got = {} as Record<Who, string>;
		for (const who of WHO) {
			const notices = await listNotifications(database.db, actors[who]);
			got[who] = JSON.stringify(notices).includes(NAME) ? 'NAME' : notices.length ? 'NOTICES, NO NAME' : 'NO NOTICES';
		}
		expect(got).toEqual({
			reviewerListed: 'NOTICES, NO NAME', reviewerOff: 'NOTICES, NO NAME', external: 'NOTICES, NO NAME', financeListed: 'NO NOTICES', financeOff: 'NO NOTICES', officer: 'NOTICES, NO NAME', admin: 'NOTICES, NO NAME'
		});
	});

	it('every mail the hub owes, digests included, carries the reference at most', async () => {
		await sendDigests(database.db, new Date(Date.now() + 8 * 86_400_000));
		const mails = await database.db.select().from(outboxMessages);
		// The applicant's own mails (submitted, decided) and the staff's notices by mail, to those on the list and off it.
		expect(new Set(mails.map((m) => m.kind))).toEqual(new Set(['grant_submitted', 'grant_decision', 'notification_application_submitted', 'notification_assigned']));
		const to = new Set(mails.map((m) => m.toAddress));
		expect(to.size).toBeGreaterThanOrEqual(6);
		expect(mails.filter((m) => JSON.stringify(m).includes(NAME)).map((m) => m.kind)).toEqual([]);
	});
});
