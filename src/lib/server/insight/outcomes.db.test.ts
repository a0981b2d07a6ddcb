import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import type { Database } from '../db/client.ts';
import { getOrganisation } from '../directory/get-organisation.ts';
import type { Actor } from '../identity/actor.ts';
import { makeRequest } from '../seed/engagement-factories.ts';
import { makeOrganisation } from '../seed/factories.ts';
import { makeMiniGrantCall } from '../seed/grants-factories.ts';
import { makeActual, makeAwardedGrant, makeIndicator } from '../seed/insight-factories.ts';
import { makeStrategy } from '../seed/toolkit-factories.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { addImpactArea } from './add-impact-area.ts';
import { getIndicator } from './get-indicator.ts';
import { getSubjectOutcomes } from './get-subject-outcomes.ts';
import { partnerOutcomesSection } from './partner-section.ts';
import { reportActual } from './report-actual.ts';
import { reviewActual } from './review-actual.ts';
import { outcomeActuals, outcomeIndicators } from './schema.ts';
import { setIndicator } from './set-indicator.ts';

let database: Database;
let officer: Actor;
let finance: Actor;
let partner: Actor;
let outsider: Actor;
let orgId: string;
let awardId: string;

const indicator = { impactArea: 'competition', measure: 'Share of works tenders with three or more bids', unit: '%', baseline: '18', target: '40', targetDate: '2027-06-30', evidenceExpected: 'Quarterly extract from the e-procurement portal' };

beforeAll(async () => {
	database = await freshDatabase();
	const org = await makeOrganisation(database.db, { name: 'Ciudad Abierta', kind: 'civil_society', sensitive: true });
	orgId = org.id;
	const call = await makeMiniGrantCall(database.db);
	awardId = (await makeAwardedGrant(database.db, { callId: call.id, organisationId: org.id })).award.id;
	officer = await actorFor(database.db, 'programme_officer');
	finance = await actorFor(database.db, 'finance');
	partner = await actorFor(database.db, 'member', [[org.id, 'member']]);
	outsider = await actorFor(database.db, 'member');
});
afterAll(() => database.close());

describe('setting indicators', () => {
	it('an officer sets an indicator on an awarded grant, recorded in the activity log', async () => {
		const row = await setIndicator(database.db, officer, 'grant', awardId, indicator);
		expect(row).toMatchObject({ organisationId: orgId, subjectType: 'grant', baseline: 18, target: 40 });
		const logged = await database.db.select({ n: count() }).from(activityEvents).where(and(eq(activityEvents.subjectId, row.id), eq(activityEvents.action, 'created')));
		expect(logged[0].n).toBe(1);
		const view = await getSubjectOutcomes(database.db, partner, 'grant', awardId);
		expect(view.indicators.map((i) => i.measure)).toContain(indicator.measure);
		expect(view.subject.goal).toMatch(/works contract/);
		expect(view.can).toEqual({ set: false, report: true });
	});

	it('only programme staff set indicators; a stranger to the partner is told it does not exist', async () => {
		expect(await outcome(() => setIndicator(database.db, partner, 'grant', awardId, indicator))).toBe('FORBIDDEN');
		expect(await outcome(() => setIndicator(database.db, finance, 'grant', awardId, indicator))).toBe('FORBIDDEN');
		expect(await outcome(() => setIndicator(database.db, outsider, 'grant', awardId, indicator))).toBe('NOT_FOUND');
		expect(await outcome(() => getSubjectOutcomes(database.db, outsider, 'grant', awardId))).toBe('NOT_FOUND');
		expect(await outcome(() => getSubjectOutcomes(database.db, officer, 'grant', 'not-a-uuid'))).toBe('NOT_FOUND');
	});

	it('refuses an unknown impact area, a missing target and a request that was not invested, saving nothing', async () => {
		const before = (await database.db.select({ n: count() }).from(outcomeIndicators))[0].n;
		const bad = await setIndicator(database.db, officer, 'grant', awardId, { ...indicator, impactArea: 'happiness' }).catch((e) => e);
		expect(bad.code).toBe('INVALID_INPUT');
		expect(bad.fields.impactArea).toBeTruthy();
		const missing = await setIndicator(database.db, officer, 'grant', awardId, { ...indicator, target: '', targetDate: 'soon' }).catch((e) => e);
		expect(Object.keys(missing.fields)).toEqual(expect.arrayContaining(['targetDate']));
		const declined = await makeRequest(database.db, { organisationId: orgId, status: 'decided', decision: 'decline', rationale: 'Out of scope' });
		expect(await outcome(() => setIndicator(database.db, officer, 'request', declined.id, indicator))).toBe('CONFLICT');
		expect((await database.db.select({ n: count() }).from(outcomeIndicators))[0].n).toBe(before);
	});

	it('works on an invested request and on a strategy too', async () => {
		const invested = await makeRequest(database.db, { organisationId: orgId, status: 'decided', decision: 'invest', rationale: 'Strong mandate' });
		expect(await outcome(() => setIndicator(database.db, officer, 'request', invested.id, { ...indicator, impactArea: 'savings', baseline: '100', target: '80' }))).toBe('OK');
		const strategy = await makeStrategy(database.db, { organisationId: orgId, title: 'Hospital supplies campaign' });
		expect(await outcome(() => setIndicator(database.db, officer, 'strategy', strategy.id, { ...indicator, impactArea: 'service_delivery' }))).toBe('OK');
	});

	it('an area added by staff can be chosen, and its name cannot be taken twice', async () => {
		const area = await addImpactArea(database.db, officer, { name: 'Gender equality in suppliers' });
		expect(area.code).toBe('x_gender_equality_in_suppliers');
		expect(await outcome(() => addImpactArea(database.db, officer, { name: 'Gender Equality in suppliers!' }))).toBe('CONFLICT');
		expect(await outcome(() => addImpactArea(database.db, partner, { name: 'Anything' }))).toBe('FORBIDDEN');
		expect(await outcome(() => setIndicator(database.db, officer, 'grant', awardId, { ...indicator, impactArea: area.code }))).toBe('OK');
	});
});

describe('reporting and reviewing values', () => {
	it('the partner reports a value with evidence; the officer marks it on track; history keeps every review', async () => {
		const ind = await makeIndicator(database.db, { subjectType: 'grant', subjectId: awardId, organisationId: orgId, baseline: 10, target: 30, targetDate: '2099-12-31' });
		const actual = await reportActual(database.db, partner, ind.id, { source: 'check_in', value: '20', observedOn: '2026-05-01', evidenceLinks: 'https://example.org/q1.csv\nhttps://example.org/q2.csv', note: 'Two quarters in' });
		expect(actual.evidenceLinks).toEqual(['https://example.org/q1.csv', 'https://example.org/q2.csv']);
		expect(await outcome(() => reviewActual(database.db, partner, actual.id, { status: 'on_track' }))).toBe('FORBIDDEN');
		await reviewActual(database.db, officer, actual.id, { status: 'off_track', note: 'Slower than planned' });
		await reviewActual(database.db, officer, actual.id, { status: 'on_track', note: 'New portal data arrived' });
		const view = await getIndicator(database.db, partner, ind.id);
		expect(view.history).toHaveLength(1);
		expect(view.history[0].reviews.map((r) => r.status)).toEqual(['off_track', 'on_track']);
		const section = await partnerOutcomesSection(database.db, partner, (await getOrganisation(database.db, partner, orgId)) as never);
		expect(section?.items.find((i) => i.id === ind.id)).toMatchObject({ latestValue: 20, status: 'on_track' });
	});

	it('refuses a status the value does not support, and a negative reading without a note', async () => {
		const ind = await makeIndicator(database.db, { subjectType: 'grant', subjectId: awardId, organisationId: orgId, baseline: 10, target: 30, targetDate: '2099-12-31' });
		const actual = await makeActual(database.db, { indicatorId: ind.id, value: 15 });
		const achieved = await reviewActual(database.db, officer, actual.id, { status: 'achieved' }).catch((e) => e);
		expect(achieved.code).toBe('INVALID_INPUT');
		expect(achieved.fields.status).toBeTruthy();
		const silent = await reviewActual(database.db, officer, actual.id, { status: 'off_track', note: '' }).catch((e) => e);
		expect(silent.fields.note).toBeTruthy();
		expect(await outcome(() => reviewActual(database.db, officer, actual.id, { status: 'not_achieved', note: 'x' }))).toBe('INVALID_INPUT');
	});

	it('refuses bad values, bad links and a grant report from another grant; outsiders and finance cannot report', async () => {
		const ind = await makeIndicator(database.db, { subjectType: 'grant', subjectId: awardId, organisationId: orgId });
		const before = (await database.db.select({ n: count() }).from(outcomeActuals))[0].n;
		const bad = await reportActual(database.db, partner, ind.id, { source: 'check_in', value: 'lots', observedOn: '2026-05-01', evidenceLinks: 'javascript:alert(1)' }).catch((e) => e);
		expect(bad.code).toBe('INVALID_INPUT');
		expect(Object.keys(bad.fields)).toEqual(expect.arrayContaining(['value', 'evidenceLinks.0']));
		const wrongSource = await reportActual(database.db, partner, ind.id, { source: 'monitoring_entry', value: '25', observedOn: '2026-05-01' }).catch((e) => e);
		expect(wrongSource.fields.source).toBeTruthy();
		const foreignReport = await reportActual(database.db, partner, ind.id, { source: 'grant_report', sourceId: crypto.randomUUID(), value: '25', observedOn: '2026-05-01' }).catch((e) => e);
		expect(foreignReport.code).toBe('INVALID_INPUT');
		expect(await outcome(() => reportActual(database.db, outsider, ind.id, { source: 'check_in', value: '25', observedOn: '2026-05-01' }))).toBe('NOT_FOUND');
		expect(await outcome(() => reportActual(database.db, finance, ind.id, { source: 'check_in', value: '25', observedOn: '2026-05-01' }))).toBe('FORBIDDEN');
		expect((await database.db.select({ n: count() }).from(outcomeActuals))[0].n).toBe(before);
	});

	it('the partner page section is shown to staff and members only', async () => {
		const view = (await getOrganisation(database.db, officer, orgId)) as never;
		expect(await partnerOutcomesSection(database.db, finance, view)).not.toBeNull();
		expect(await partnerOutcomesSection(database.db, outsider, view)).toBeNull();
	});
});
