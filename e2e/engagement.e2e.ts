// The engagement journey from the issue: a partner submits a request → an officer assigns two
// assessors → both score, one disagreeing by two levels on a criterion → the consolidated view
// shows the disagreement → the officer decides → the partner reads the outcome in Spanish.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, es, expectVisible, heading, pageMessages, signIn, uniqueWord, useHub, visit, waitForMail, hubLink } from './helpers.ts';

const hubs = useHub();
const CRITERIA = ['clear_goal', 'mandate', 'political_buy_in', 'resources', 'skills', 'data_infrastructure', 'collaboration', 'opposition', 'physical_security', 'strategy_learning', 'internal_capacity'];

/** Picks a level (or "unknown") for every criterion on the assessment form and submits it. */
async function assess(page: Page, requestId: string, levels: Record<string, string>, note: string) {
	await visit(page, `/requests/${requestId}/assess`);
	const t = await pageMessages(page);
	for (const key of CRITERIA) {
		await page.locator(`input[name="level.${key}"][value="${levels[key] ?? '3'}"]`).check();
		await page.locator(`textarea[name="note.${key}"]`).fill(`${note} on ${key}`);
	}
	await arrive(page, `/requests/${requestId}/consolidated`, () => page.getByRole('button', { name: t.eng_submit_assessment }).click());
}

describe('engagement journey: request, assessment by two, consolidation, decision', () => {
	const goal = `The procurement office publishes every school meals contract as open data by June 2027 ${uniqueWord('')}`;
	const secret = `internal doubt ${uniqueWord('')}`;
	let requestId = '';
	let partner: Page;
	let officer: Page;

	it('a partner member drafts a request, then submits it', async () => {
		partner = await hubs.current.newPage({ locale: 'es-MX' });
		await signIn(partner, demo('partner'), DEMO_PASSWORD);
		await visit(partner, '/requests');
		let t = await pageMessages(partner);
		await arrive(partner, '/requests/new', () => partner.getByRole('main').getByRole('link', { name: t.eng_request_new }).click());
		// Bad input first: nothing is saved and each field says why.
		await arrive(partner, '/requests/new', () => partner.getByRole('button', { name: t.eng_save_draft }).click());
		await expectVisible(partner.getByText(t.v_required).first(), 'a required-field message');
		await partner.getByRole('group', { name: t.eng_field_kinds }).getByRole('checkbox', { name: t.eng_kind_funding }).check();
		await partner.getByRole('group', { name: t.eng_field_kinds }).getByRole('checkbox', { name: t.eng_kind_in_person }).check();
		await partner.getByRole('textbox', { name: t.eng_field_goal }).fill(goal);
		await partner.getByRole('textbox', { name: t.eng_field_problem }).fill('School meal suppliers are chosen without competition.');
		await partner.getByRole('combobox', { name: t.field_country }).fill('México');
		await arrive(partner, /^\/requests\/[0-9a-f-]{36}$/, () => partner.getByRole('button', { name: t.eng_save_draft }).click());
		requestId = new URL(partner.url()).pathname.split('/')[2];
		t = await pageMessages(partner);
		await expectVisible(partner.getByText(t.eng_status_draft, { exact: true }));
		await arrive(partner, `/requests/${requestId}`, () => partner.getByRole('button', { name: t.eng_submit_request }).click());
		await expectVisible(partner.getByText(t.eng_submitted_notice));
		await expectVisible(partner.getByText(t.eng_status_submitted, { exact: true }));
	});

	it('a programme officer finds it in the portfolio and assigns two assessors', async () => {
		officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		await visit(officer, '/requests?country=MX&status=submitted');
		const t = await pageMessages(officer);
		await arrive(officer, `/requests/${requestId}`, () => officer.getByRole('link', { name: goal.slice(0, 40) }).click());
		const assign = officer.getByRole('group', { name: t.eng_assign_assessors });
		await assign.getByRole('checkbox', { name: /Rafael Reviewer/ }).check();
		await assign.getByRole('checkbox', { name: /Esther External/ }).check();
		await arrive(officer, `/requests/${requestId}`, () => officer.getByRole('button', { name: t.eng_assign, exact: true }).click());
		await expectVisible(officer.getByText(t.eng_status_in_assessment, { exact: true }));
		await expectVisible(officer.getByText(/Rafael Reviewer/));
	});

	it('two assessors score; one cannot see the other’s scores before submitting, and they disagree on the mandate', async () => {
		const reviewer = await hubs.current.newPage();
		await signIn(reviewer, demo('reviewer'), DEMO_PASSWORD);
		await assess(reviewer, requestId, { mandate: '4', resources: 'unknown' }, secret);

		const external = await hubs.current.newPage();
		await signIn(external, demo('external'), DEMO_PASSWORD);
		const blind = await external.goto(`/requests/${requestId}/consolidated`);
		expect(blind?.status()).toBe(403);
		await assess(external, requestId, { mandate: '1' }, 'outside view');
		const t = await pageMessages(external);
		await expectVisible(external.getByText(t.eng_disagreement).first());
		await reviewer.context().close();
		await external.context().close();
	});

	it('the consolidated view shows the disagreement, the gap, the chart and its table; the officer decides', async () => {
		await visit(officer, `/requests/${requestId}/consolidated`);
		const t = await pageMessages(officer);
		await expectVisible(heading(officer, t.eng_consolidated));
		const mandateRow = officer.getByRole('row', { name: new RegExp(`^2\\.`) }).first();
		await expectVisible(mandateRow.getByText(t.eng_disagreement), 'the disagreement on the mandate');
		await expectVisible(officer.getByRole('img', { name: t.eng_radar_title }));
		await expectVisible(officer.getByRole('table', { name: t.eng_radar_table_caption }));
		await expectVisible(officer.getByRole('region', { name: t.eng_information_gaps }).getByText(/1/));
		await expectVisible(officer.getByText(`${secret} on mandate`), 'assessor notes for staff');
		await expectVisible(officer.getByRole('region', { name: t.smart_title }).getByText(t.smart_complete), 'the SMART reading of the goal');

		await arrive(officer, `/requests/${requestId}/decide`, () => officer.getByRole('main').getByRole('link', { name: t.eng_decide }).first().click());
		await officer.getByRole('radio', { name: t.eng_decision_invest }).check();
		await arrive(officer, `/requests/${requestId}/decide`, () => officer.getByRole('button', { name: t.eng_record_decision }).click());
		await expectVisible(officer.getByText(t.v_required).first(), 'a decision without a rationale is refused');
		await officer.getByRole('radio', { name: t.eng_decision_invest }).check();
		await officer.getByRole('textbox', { name: t.eng_rationale }).fill('Clear goal and a committed procurement office; we will fund the pilot.');
		await arrive(officer, `/requests/${requestId}`, () => officer.getByRole('button', { name: t.eng_record_decision }).click());
		await expectVisible(officer.getByText(t.eng_status_decided, { exact: true }));
	});

	it('the partner is told by a minimal mail and reads the outcome in Spanish, without assessors’ notes', async () => {
		const mail = await waitForMail(demo('partner'), es.eng_mail_decided_subject);
		expect(mail.text).not.toContain('Transparencia');
		expect(mail.text).not.toContain('fund the pilot');
		const link = hubLink(mail, `/requests/${requestId}`);
		// The demo partner's language is Spanish; choose it explicitly in case another journey changed it.
		await visit(partner, '/requests');
		await partner.getByRole('banner').getByRole('combobox').selectOption('es');
		await arrive(partner, /.*/, () => partner.getByRole('banner').getByRole('button', { name: /Change|Cambiar|Changer/ }).click());
		await partner.goto(link);
		await partner.waitForLoadState('load');
		expect(await partner.locator('html').getAttribute('lang')).toBe('es');
		await visit(partner, `/requests/${requestId}`);
		await expectVisible(partner.getByRole('region', { name: es.eng_outcome }).getByText(es.eng_decision_invest, { exact: true }));
		await expectVisible(partner.getByText(es.eng_status_decided, { exact: true }));
		expect(await partner.content()).not.toContain(secret);
		const hidden = await partner.goto(`/requests/${requestId}/consolidated`);
		expect(hidden?.status()).toBe(403);
	});
});

describe('portfolio, comparison, exports and criteria versions', () => {
	it('an officer filters the portfolio, compares two requests and exports with the sensitive partner masked', async () => {
		const page = await hubs.current.newPage();
		await signIn(page, demo('officer'), DEMO_PASSWORD);
		await visit(page, '/requests?gate=blocked');
		const t = await pageMessages(page);
		await expectVisible(page.getByRole('cell', { name: 'Civic Voices Network' }), 'staff see the sensitive partner by name');
		await visit(page, '/requests?status=in_assessment');
		const boxes = page.getByRole('table').getByRole('checkbox');
		expect(await boxes.count()).toBeGreaterThanOrEqual(2);
		await boxes.nth(0).check();
		await boxes.nth(1).check();
		await arrive(page, '/requests/compare', () => page.getByRole('button', { name: new RegExp(t.eng_compare_selected.slice(0, 8)) }).click());
		await expectVisible(heading(page, t.eng_compare_title));
		expect(await page.getByRole('img').count()).toBe(2);
		const csv = await page.request.get('/requests/export?format=csv');
		expect(csv.status()).toBe(200);
		const body = await csv.text();
		expect(body).toContain('Public Procurement Authority');
		expect(body).not.toContain('Civic Voices Network');
		expect(body).toMatch(/SH-[A-Z0-9]{6}/);
		const xlsx = await page.request.get('/requests/export?format=xlsx&band=invest');
		expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
		expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

		// The same through the JSON API (a signed-in session works as well as a token).
		const list = await (await page.request.get('/api/v1/engagement-requests?gate=blocked')).json();
		expect(list.items.map((i: { organisationName: string }) => i.organisationName)).toContain('Civic Voices Network');
		const id = list.items[0].id;
		const consolidated = await (await page.request.get(`/api/v1/engagement-requests/${id}/assessments`)).json();
		expect(consolidated.result.gate).toBe('blocked');
		expect(consolidated.result.criteria).toHaveLength(11);
		const refused = await page.request.post(`/api/v1/engagement-requests/${id}/decision`, { data: { decision: 'decline' }, headers: { origin: new URL(page.url()).origin } });
		expect(refused.status()).toBe(400);
		expect(Object.keys((await refused.json()).error.fields)).toEqual(['rationale']);
		const bad = await page.request.put(`/api/v1/engagement-requests/${id}/assessments/mine`, { data: { scores: { mandate: { level: 9 } } }, headers: { origin: new URL(page.url()).origin } });
		expect(bad.status()).toBe(400);
		const doc = await (await page.request.get('/api/openapi.json')).json();
		expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/engagement-requests', '/api/v1/engagement-requests/{id}/assessments', '/api/v1/criteria-sets']));
		await page.context().close();
	});

	it('an admin edits the criteria: bad weights are refused, a valid edit makes a new version', async () => {
		const page = await hubs.current.newPage();
		await signIn(page, demo('admin'), DEMO_PASSWORD);
		await visit(page, '/requests/criteria');
		const t = await pageMessages(page);
		const before = Number((await page.getByRole('heading', { level: 1 }).textContent())?.match(/(\d+)\s*$/)?.[1]);
		await arrive(page, '/requests/criteria/edit', () => page.getByRole('link', { name: t.eng_criteria_edit }).click());
		for (const input of await page.locator('input[name^="weight."]').all()) await input.fill('0');
		await arrive(page, '/requests/criteria/edit', () => page.getByRole('button', { name: t.eng_save_version }).click());
		await expectVisible(page.getByText(t.eng_v_weights_all_zero).first());
		await visit(page, '/requests/criteria/edit');
		await page.locator('input[name="weight.resources"]').fill('2.5');
		await page.locator('input[name="note"]').fill('Resources weigh more');
		await arrive(page, '/requests/criteria', () => page.getByRole('button', { name: t.eng_save_version }).click());
		await expectVisible(page.getByRole('heading', { level: 1, name: new RegExp(`${before + 1}$`) }));
		await expectVisible(page.getByText('Resources weigh more'));
		await page.context().close();
	});

	it('a partner sees their organisation’s requests without the assessors, and cannot reach exports or comparisons', async () => {
		const page = await hubs.current.newPage();
		await signIn(page, demo('member'), DEMO_PASSWORD);
		await visit(page, '/requests');
		const t = await pageMessages(page);
		await expectVisible(page.getByRole('heading', { level: 1, name: t.eng_my_requests_title }));
		await expectVisible(page.getByText('Observatoire des Marchés Publics').first());
		const link = page.getByRole('link', { name: /Publier tous les marchés/ });
		const href = (await link.getAttribute('href'))!;
		await visit(page, href);
		await expectVisible(page.getByText(t.eng_status_in_assessment, { exact: true }));
		expect(await page.getByRole('region', { name: t.eng_assessors }).count()).toBe(0);
		expect((await page.request.get('/requests/export?format=csv')).status()).toBe(403);
		expect((await page.goto('/requests/compare?ids=' + href.split('/')[2]))?.status()).toBe(403);
		await page.context().close();
	});
});
