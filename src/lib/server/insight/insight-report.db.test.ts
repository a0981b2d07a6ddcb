import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { eventFeedback, eventRegistrations } from '../events/schema.ts';
import { grantApplications, grantAssignments, grantAwards, grantReviews, grantTranches } from '../grants/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { makeRequest } from '../seed/engagement-factories.ts';
import { makeEvent } from '../seed/events-factories.ts';
import { makeOrganisation, makeUser } from '../seed/factories.ts';
import { makeMiniGrantCall } from '../seed/grants-factories.ts';
import { makeActual, makeIndicator } from '../seed/insight-factories.ts';
import { makeStrategy } from '../seed/toolkit-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { percentileCont } from '../../insight/stats.ts';
import { exportInsightTable } from './export-insight-table.ts';
import { getInsight } from './get-insight.ts';
import { getPublicPicture } from './public-picture.ts';
import { setPublicListing } from '../directory/set-public-listing.ts';
import { agreements, organisations } from '../directory/schema.ts';
import { eq } from 'drizzle-orm';

// A small portfolio counted by hand: three partners (one sensitive), one call, one training.
let database: Database;
let officer: Actor;
let partner: Actor;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const SENSITIVE_NAME = 'Quiet Watchdog of Nairobi';

beforeAll(async () => {
	database = await freshDatabase();
	const db = database.db;
	const a = await makeOrganisation(db, { name: 'Open Roads Kenya', country: 'KE', region: 'africa', kind: 'civil_society' });
	const b = await makeOrganisation(db, { name: SENSITIVE_NAME, country: 'KE', region: 'africa', kind: 'government', sensitive: true });
	const c = await makeOrganisation(db, { name: 'Compras Claras', country: 'MX', region: 'latin_america_caribbean', kind: 'civil_society' });

	await makeRequest(db, { organisationId: a.id, status: 'decided', submittedAt: ago(60), decision: 'invest', rationale: 'Strong mandate', decidedAt: ago(40) });
	await makeRequest(db, { organisationId: b.id, status: 'decided', submittedAt: ago(60), decision: 'decline', rationale: 'Out of scope', decidedAt: ago(40) });
	await makeRequest(db, { organisationId: c.id, status: 'submitted', submittedAt: ago(10) });
	await makeRequest(db, { organisationId: c.id, status: 'draft' });

	const call = await makeMiniGrantCall(db);
	const app = async (organisationId: string, status: (typeof grantApplications.$inferInsert)['status'], days: number | null) => {
		const submittedAt = days === null ? null : ago(30);
		const [row] = await db
			.insert(grantApplications)
			.values({ callId: call.id, organisationId, status, submittedAt, decidedAt: days === null ? null : new Date(ago(30).getTime() + days * DAY), decisionDueAt: submittedAt ? new Date(submittedAt.getTime() + 14 * DAY) : null })
			.returning();
		return row;
	};
	const appA = await app(a.id, 'awarded', 2);
	const appB = await app(b.id, 'awarded', 20);
	const appC = await app(c.id, 'declined', 10);
	await app(c.id, 'draft', null);
	const [awardA] = await db.insert(grantAwards).values({ applicationId: appA.id, amount: 4000, currency: 'USD', awardedAt: ago(20) }).returning();
	const [awardB] = await db.insert(grantAwards).values({ applicationId: appB.id, amount: 6000, currency: 'USD', awardedAt: ago(5) }).returning();
	await db.insert(grantTranches).values({ awardId: awardB.id, plannedDate: ago(4).toISOString().slice(0, 10), plannedAmount: 3000, paidDate: ago(3).toISOString().slice(0, 10), paidAmount: 3000 });
	await db.insert(grantTranches).values({ awardId: awardA.id, plannedDate: ago(-30).toISOString().slice(0, 10), plannedAmount: 4000 });

	const reviewer = await makeUser(db, { role: 'reviewer', name: 'Rosa Revisora' });
	const [asA] = await db.insert(grantAssignments).values({ applicationId: appA.id, stageIndex: 0, reviewerId: reviewer.id, status: 'reviewed' }).returning();
	await db.insert(grantAssignments).values({ applicationId: appC.id, stageIndex: 0, reviewerId: reviewer.id, status: 'pending' });
	await db.insert(grantReviews).values({ assignmentId: asA.id, applicationId: appA.id, revision: 1, scores: {}, total: 8, percent: 80 });

	const event = await makeEvent(db, { inHours: -24 * 7, title: 'Open contracting basics' });
	const reg = (t: Partial<typeof eventRegistrations.$inferInsert>) =>
		db.insert(eventRegistrations).values({ eventId: event.id, name: 'Guest', email: `g${Math.random()}@example.org`, tokenHash: `t${Math.random()}`, consentAt: new Date(), status: 'confirmed', ...t }).returning();
	const [r1] = await reg({ organisationId: a.id, attended: true });
	await reg({ organisationId: b.id, attended: true });
	await reg({ country: 'FR', attended: false });
	await reg({ organisationId: a.id, status: 'cancelled' });
	await db.insert(eventFeedback).values([{ eventId: event.id, registrationId: r1.id, rating: 4 }, { eventId: event.id, rating: 5 }]);

	await makeStrategy(db, { organisationId: a.id });
	const indB = await makeIndicator(db, { subjectType: 'grant', subjectId: awardB.id, organisationId: b.id, impactArea: 'competition' });
	await makeActual(db, { indicatorId: indB.id, value: 30, status: 'on_track' });
	await makeActual(db, { indicatorId: indB.id, value: 55, status: 'achieved' });
	const indA = await makeIndicator(db, { subjectType: 'grant', subjectId: awardA.id, organisationId: a.id, impactArea: 'savings' });
	await makeActual(db, { indicatorId: indA.id, value: 21, status: 'off_track', reviewNote: 'Portal down' });

	// A and the sensitive B agreed to be listed and have agreements; C agreed but has none.
	await db.update(organisations).set({ listedPublicly: true });
	await db.insert(agreements).values([a, b].map((o) => ({ organisationId: o.id, title: 'Engagement', scopes: ['learning'], startDate: '2026-01-01', status: 'active' as const })));

	officer = await actorFor(db, 'programme_officer');
	partner = await actorFor(db, 'member', [[a.id, 'owner']]);
});
afterAll(() => database.close());

describe('portfolio figures match the hand count', () => {
	it('support by country counts each figure where it happened, with totals across every partner', async () => {
		const { support } = await getInsight(database.db, officer, {});
		const ke = support.rows.find((r) => r.key === 'KE');
		expect(ke).toMatchObject({ requests: 2, decisions: 2, invested: 1, grants: 2, trainings: 1, registrations: 2, attended: 2, strategies: 1, outcomes: 2, achieved: 1 });
		expect(support.rows.find((r) => r.key === 'MX')).toMatchObject({ requests: 1, decisions: 0, grants: 0 });
		expect(support.rows.find((r) => r.key === 'FR')).toMatchObject({ registrations: 1, attended: 0, trainings: 0 });
		expect(support.total).toMatchObject({ requests: 3, decisions: 2, invested: 1, grants: 2, trainings: 1, registrations: 3, attended: 2, strategies: 1, outcomes: 2, achieved: 1 });
	});

	it('a sensitive partner’s grant counts in the totals and under its kind, while no output names it', async () => {
		const byKind = await getInsight(database.db, officer, { by: 'kind' });
		expect(byKind.support.rows.find((r) => r.key === 'government')).toMatchObject({ requests: 1, grants: 1 });
		expect(byKind.grants.totals).toEqual([{ key: '', currency: 'USD', grants: 2, awarded: 10000, disbursed: 3000 }]);
		expect(JSON.stringify(byKind)).not.toContain(SENSITIVE_NAME);
		const file = await exportInsightTable(database.db, officer, { table: 'support', format: 'csv', by: 'kind' });
		expect(String(file.body)).not.toContain(SENSITIVE_NAME);
	});

	it('the partner filters narrow every breakdown', async () => {
		const { support, grants } = await getInsight(database.db, officer, { kind: 'government', by: 'region' });
		expect(support.total).toMatchObject({ requests: 1, grants: 1, registrations: 1, strategies: 0 });
		expect(grants.rows).toEqual([{ key: 'africa', currency: 'USD', grants: 1, awarded: 6000, disbursed: 3000 }]);
	});

	it('by year, figures fall in the year they happened', async () => {
		const { support } = await getInsight(database.db, officer, { by: 'year' });
		expect(support.rows.reduce((sum, r) => sum + r.requests, 0)).toBe(3);
		expect(support.rows.every((r) => /^\d{4}$/.test(r.key))).toBe(true);
	});

	it('outcomes count each indicator once, by its latest review', async () => {
		const { outcomes } = await getInsight(database.db, officer, {});
		expect(outcomes.find((r) => r.area === 'competition')).toMatchObject({ total: 1, achieved: 1, on_track: 0 });
		expect(outcomes.find((r) => r.area === 'savings')).toMatchObject({ total: 1, off_track: 1 });
	});

	it('a call’s funnel, time to decision against its target, money and reviewer workload', async () => {
		const { calls, reviewers } = await getInsight(database.db, officer, {});
		expect(calls).toHaveLength(1);
		const c = calls[0];
		expect(c).toMatchObject({ started: 4, submitted: 3, screened: 3, reviewed: 2, awardedCount: 2, decided: 3, dueDecided: 3, withinTarget: 2, budget: 60000, awarded: 10000, disbursed: 3000, remaining: 50000 });
		// Decisions took 2, 10 and 20 days: median 10, 90th percentile 18, as the definition says.
		expect(c.medianDays).toBeCloseTo(percentileCont([2, 10, 20], 0.5)!, 3);
		expect(c.p90Days).toBeCloseTo(18, 3);
		expect(reviewers).toEqual([expect.objectContaining({ reviewer: 'Rosa Revisora', assigned: 2, reviewed: 1, pending: 1, conflicts: 0 })]);
	});

	it('training reach by format: places, attendance and mean feedback', async () => {
		const { training } = await getInsight(database.db, officer, {});
		expect(training.find((r) => r.by === 'format' && r.code === 'open_webinar')).toMatchObject({ trainings: 1, registrations: 3, heldPlaces: 3, attended: 2, feedback: 2, meanRating: 4.5 });
		expect(training.find((r) => r.by === 'language' && r.code === 'en')).toMatchObject({ registrations: 3 });
	});

	it('the XLSX export carries the table as on the page, its header first', async () => {
		const file = await exportInsightTable(database.db, officer, { table: 'funnel', format: 'xlsx' });
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(file.body as unknown as ArrayBuffer);
		const sheet = book.worksheets[0];
		expect(sheet.getRow(1).getCell(2).value).toBe('Started');
		expect(sheet.getRow(2).values).toEqual([undefined, 'Rapid-response mini-grants', 4, 3, 3, 2, 2]);
	});
});

describe('the public picture', () => {
	it('counts the sensitive partner in every total, and names only listed partners with an agreement who are not sensitive', async () => {
		const p = await getPublicPicture(database.db, 'en');
		expect(p.headline).toMatchObject({ partners: 2, countries: 1, grants: 2, trainings: 1, trained: 2, outcomesAchieved: 1 });
		expect(p.headline.awarded).toEqual([{ currency: 'USD', amount: 10000 }]);
		expect(p.partners.map((o) => o.name)).toEqual(['Open Roads Kenya']);
		expect(JSON.stringify(p)).not.toContain(SENSITIVE_NAME);
		expect(JSON.stringify(await getPublicPicture(database.db, 'es'))).not.toContain(SENSITIVE_NAME);
	});

	it('programme staff record or withdraw a partner’s agreement to be listed; the partner itself cannot', async () => {
		const [c] = await database.db.select().from(organisations).where(eq(organisations.name, 'Compras Claras'));
		expect(await outcome(() => setPublicListing(database.db, partner, c.id, { listed: false }))).toBe('FORBIDDEN');
		expect((await setPublicListing(database.db, officer, c.id, { listed: false })).listedPublicly).toBe(false);
		expect((await setPublicListing(database.db, officer, c.id, { listed: true })).listedPublicly).toBe(true);
	});

	it('every country figure under 5 is withheld, and countries with only small figures fold into "other"', async () => {
		const p = await getPublicPicture(database.db, 'en');
		expect(p.countries).toEqual([{ key: 'other', partners: null, grants: null, trained: null }]);
	});
});

describe('who may see it', () => {
	it('partners and visitors are refused; bad filters are a clear input error', async () => {
		expect(await outcome(() => getInsight(database.db, partner, {}))).toBe('FORBIDDEN');
		expect(await outcome(() => exportInsightTable(database.db, partner, { table: 'support' }))).toBe('FORBIDDEN');
		expect(await outcome(() => getInsight(database.db, officer, { from: '2026-05-01', to: '2026-01-01' }))).toBe('INVALID_INPUT');
		expect(await outcome(() => getInsight(database.db, officer, { by: 'partner' }))).toBe('INVALID_INPUT');
	});
});
