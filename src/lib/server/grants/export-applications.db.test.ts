import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import type { Database } from '../db/client.ts';
import type { Actor } from '../identity/actor.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeApplications, makeMiniGrantCall, miniGrantAnswers } from '../seed/grants-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { fileBytes, fileText, readCsv, readXlsx } from '../testing/read-table.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { and, eq, sql } from 'drizzle-orm';
import { exportApplications } from './export-applications.ts';
import { EXPORT_BATCH } from './call-export-tables.ts';
import { grantApplications, grantAssignments, grantAwards, grantReviews, grantTranches } from './schema.ts';

let database: Database;
let officer: Actor;
let callId: string;
let openId: string;
let hiddenId: string;
let otherCallApp: string;
let sensitiveRef: string;

const uid = (a: Actor) => (a.kind === 'user' ? a.userId : '');

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	const call = await makeMiniGrantCall(db);
	callId = call.id;
	const other = await makeMiniGrantCall(db, { slug: 'another-call' });
	officer = await actorFor(db, 'programme_officer');
	const open = await makeOrganisation(db, { name: 'Ciudad Abierta' });
	const hidden = await makeOrganisation(db, { name: 'Quiet Watchdog', sensitive: true });
	sensitiveRef = hidden.reference;
	[openId] = await makeApplications(db, { callId, organisationId: open.id, count: 1, status: 'awarded', title: () => '=HYPERLINK("http://evil.example")', answers: miniGrantAnswers() });
	[hiddenId] = await makeApplications(db, { callId, organisationId: hidden.id, count: 1, status: 'in_review', answers: miniGrantAnswers({ goal: 'Budget hearings published' }) });
	[otherCallApp] = await makeApplications(db, { callId: other.id, organisationId: open.id, count: 1 });
	const reviewer = await actorFor(db, 'reviewer');
	const [asg] = await db.insert(grantAssignments).values({ applicationId: hiddenId, stageIndex: 0, reviewerId: uid(reviewer), status: 'reviewed' }).returning();
	await db.insert(grantReviews).values({ assignmentId: asg.id, applicationId: hiddenId, revision: 1, scores: { mandate: { points: 5, comment: '' }, plan: { points: 4, comment: '' }, value: { points: 3, comment: '' } }, total: 17, percent: 85 });
	const [award] = await db.insert(grantAwards).values({ applicationId: openId, amount: 4000, currency: 'USD' }).returning();
	await db.insert(grantTranches).values([
		{ awardId: award.id, plannedDate: '2026-12-01', plannedAmount: 2500, paidDate: '2026-12-02', paidAmount: 2500 },
		{ awardId: award.id, plannedDate: '2027-03-01', plannedAmount: 1500 }
	]);
});
afterAll(() => database.close());

describe('a call’s tables leave the hub as CSV and XLSX', () => {
	it('applications with their answers: one column per field, choices and rows readable, formulas neutralised', async () => {
		const file = await exportApplications(database.db, officer, { call: callId, what: 'applications', format: 'csv' });
		const [header, ...rows] = readCsv(await fileText(file));
		expect(header.slice(0, 4)).toEqual(['Application id', 'Title', 'Call', 'Applicant']);
		expect(header).toContain('Campaign goal');
		expect(rows.map((r) => r[0]).sort()).toEqual([openId, hiddenId].sort());
		const open = rows.find((r) => r[0] === openId)!;
		expect(open[1]).toBe(`'=HYPERLINK("http://evil.example")`);
		expect(open[3]).toBe('Ciudad Abierta');
		expect(open[header.indexOf('Campaign goal')]).toBe('The city adopts an open contracting policy');
		expect(open.join('|')).toContain('Staff time');
		expect(rows.some((r) => r[0] === otherCallApp)).toBe(false);
	});

	it('a sensitive partner is named by its neutral reference in every file, even an officer’s', async () => {
		for (const what of ['applications', 'reviews']) {
			const rows = await readXlsx(await fileBytes(await exportApplications(database.db, officer, { call: callId, what, format: 'xlsx' })));
			const row = rows.find((r) => r[0] === hiddenId)!;
			expect(row[3]).toBe(`Partner ${sensitiveRef}`);
			expect(rows.flat().join('|')).not.toContain('Quiet Watchdog');
		}
	});

	it('reviews carry the reviewer, total, percentage and each criterion’s points', async () => {
		const [header, ...rows] = await readXlsx(await fileBytes(await exportApplications(database.db, officer, { call: callId, what: 'reviews', format: 'xlsx' })));
		expect(rows).toHaveLength(1);
		const r = rows[0];
		expect(r[header.indexOf('Weighted total')]).toBe(17);
		expect(r[header.indexOf('Percent of maximum')]).toBe(85);
		expect(r[header.findIndex((h) => String(h).endsWith('Path to a mandate'))]).toBe(5);
	});

	it('awards show what was paid and what remains; disbursements list each tranche', async () => {
		const [aHeader, ...awards] = await readXlsx(await fileBytes(await exportApplications(database.db, officer, { call: callId, what: 'awards', format: 'xlsx' })));
		expect(awards).toHaveLength(1);
		expect(awards[0][aHeader.indexOf('Disbursed')]).toBe(2500);
		expect(awards[0][aHeader.indexOf('Still to pay')]).toBe(1500);
		const [dHeader, ...tranches] = readCsv(await fileText(await exportApplications(database.db, officer, { call: callId, what: 'disbursements', format: 'csv' })));
		expect(tranches.map((t) => t[dHeader.indexOf('Paid on')])).toEqual(['2026-12-02', '']);
	});

	it('ticked rows export only those rows, and the export is in the activity log', async () => {
		const file = await exportApplications(database.db, officer, { scope: 'selected', id: [hiddenId], what: 'applications', format: 'csv' });
		const [, ...rows] = readCsv(await fileText(file));
		expect(rows.map((r) => r[0])).toEqual([hiddenId]);
		const logged = await database.db.select().from(activityEvents).where(eq(activityEvents.subjectId, 'grant_applications'));
		expect(logged.length).toBeGreaterThan(0);
	});

	it('finance exports awards and disbursements only; reviewers and partners none', async () => {
		const finance = await actorFor(database.db, 'finance');
		const reviewer = await actorFor(database.db, 'reviewer');
		const member = await actorFor(database.db, 'member');
		expect(await outcome(() => exportApplications(database.db, finance, { call: callId, what: 'awards' }))).toBe('OK');
		expect(await outcome(() => exportApplications(database.db, finance, { call: callId, what: 'applications' }))).toBe('FORBIDDEN');
		for (const a of [reviewer, member])
			for (const what of ['applications', 'reviews', 'awards', 'disbursements'])
				expect(await outcome(() => exportApplications(database.db, a, { call: callId, what }))).toBe('FORBIDDEN');
		expect(await outcome(() => exportApplications(database.db, officer, { call: callId, what: 'everything' }))).toBe('INVALID_INPUT');
	});
});

describe('an export holds every matching row, however many', () => {
	const MANY = 20_100 + EXPORT_BATCH / 2;
	let bigCall: string;
	beforeAll(async () => {
		const db = database.db;
		bigCall = (await makeMiniGrantCall(db, { slug: 'a-large-call' })).id;
		const org = await makeOrganisation(db, { name: 'Many Campaigns Coalition' });
		await makeApplications(db, { callId: bigCall, organisationId: org.id, count: MANY, title: (i) => `Campaign ${i}` });
		// Sixty applications share each hour, some a microsecond apart, and every tenth is a draft
		// never submitted: the batches must neither skip nor repeat a row at their seams.
		await db
			.update(grantApplications)
			.set({ submittedAt: sql`date_trunc('hour', ${grantApplications.submittedAt}) + (length(${grantApplications.title}) % 3) * interval '1 microsecond'` })
			.where(eq(grantApplications.callId, bigCall));
		await db.update(grantApplications).set({ submittedAt: null, status: 'draft' }).where(and(eq(grantApplications.callId, bigCall), sql`${grantApplications.title} LIKE '%0'`));
	}, 120_000);

	it('CSV: more rows than the old 20,000 cap, each once, newest submission first and drafts last', async () => {
		const file = await exportApplications(database.db, officer, { call: bigCall, what: 'applications', format: 'csv' });
		const [header, ...rows] = readCsv(await fileText(file));
		expect(rows).toHaveLength(MANY);
		expect(new Set(rows.map((r) => r[0])).size).toBe(MANY);
		const submitted = rows.map((r) => r[header.indexOf('Submitted')]);
		const firstDraft = submitted.indexOf('');
		expect(submitted.slice(firstDraft).every((d) => d === '')).toBe(true);
		expect(submitted.slice(0, firstDraft).every((d, i, all) => i === 0 || all[i - 1] >= d)).toBe(true);
		const [logged] = await database.db.select().from(activityEvents).where(and(eq(activityEvents.subjectId, 'grant_applications'), sql`${activityEvents.changes}->'filters'->'to'->>'call' = ${bigCall}`));
		expect(logged.changes?.rows.to).toBe(MANY);
	}, 120_000);

	it('XLSX: the same rows, written by the streaming writer', async () => {
		const file = await exportApplications(database.db, officer, { call: bigCall, what: 'applications', format: 'xlsx' });
		const [header, ...rows] = await readXlsx(await fileBytes(file));
		expect(header[0]).toBe('Application id');
		expect(rows).toHaveLength(MANY);
		expect(new Set(rows.map((r) => r[0])).size).toBe(MANY);
	}, 120_000);
});
