// The physical-security gate and blind assessment, as people meet them: an outside assessor who
// has not submitted finds no consolidated figure (nor the sensitive partner's name) anywhere; an
// officer meets the gate, writes a safety plan, a second officer approves it, and "invest" goes
// through.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, expectVisible, fr, openNavGroup, signIn, useHub, visit } from './helpers.ts';

const hubs = useHub();
const GOAL = 'Build a protected channel for reporting irregular public contracts';
const SENSITIVE_NAME = 'Civic Voices Network';

describe('safety gate journey', () => {
	let requestId = '';
	let officer: Page;

	it('an assigned outside assessor who has not submitted sees no result and no partner name', async () => {
		const external = await hubs.current.newPage();
		await signIn(external, demo('external'), DEMO_PASSWORD);
		await visit(external, '/requests');
		const row = external.getByRole('row', { name: new RegExp(GOAL) });
		await expectVisible(row, 'the gated request in the assessor’s list');
		const rowText = await row.innerText();
		expect(rowText).not.toContain(en.eng_gate_blocked);
		expect(rowText).not.toMatch(/\d+\.\d/);
		expect(await external.content()).not.toContain(SENSITIVE_NAME);
		requestId = (await row.getByRole('link').first().getAttribute('href'))!.split('/')[2];

		await visit(external, `/requests/${requestId}`);
		expect(await external.content()).not.toContain(SENSITIVE_NAME);
		expect(await external.content()).not.toContain(en.eng_gate_blocked);

		const one = await external.request.get(`/api/v1/engagement-requests/${requestId}`);
		expect(one.status()).toBe(200);
		const body = await one.json();
		expect(body).toMatchObject({ score: null, band: null, gate: null, safety: null });
		expect(await one.text()).not.toContain(SENSITIVE_NAME);
		const list = await external.request.get('/api/v1/engagement-requests?pageSize=100');
		const listed = (await list.json()).items.find((i: { id: string }) => i.id === requestId);
		expect(listed).toMatchObject({ score: null, band: null, gate: null });
		expect(await list.text()).not.toContain(SENSITIVE_NAME);
		// Filtering by the gate does not reveal it either.
		const filtered = await external.request.get('/api/v1/engagement-requests?gate=blocked');
		expect((await filtered.json()).items.map((i: { id: string }) => i.id)).not.toContain(requestId);

		expect((await external.goto(`/requests/${requestId}/consolidated`))?.status()).toBe(403);
		expect((await external.request.get(`/api/v1/engagement-requests/${requestId}/assessments`)).status()).toBe(403);
		expect((await external.request.get('/requests/export?format=csv')).status()).toBe(403);
		expect((await external.request.get(`/api/v1/engagement-requests/${requestId}/safety-plan`)).status()).toBe(403);
		await external.context().close();
	});

	it('an officer meets the gate and writes a safety plan, which they cannot approve themself', async () => {
		officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		await visit(officer, `/requests/${requestId}/decide`);
		await expectVisible(officer.getByText(en.eng_gate_state_triggered));
		await expectVisible(officer.getByText(en.eng_gate_missing_plan));
		await officer.getByRole('radio', { name: en.eng_decision_invest }).check();
		await officer.getByRole('textbox', { name: en.eng_rationale }).fill('Strong case; the partner asked for support.');
		await arrive(officer, `/requests/${requestId}/decide`, () => officer.getByRole('button', { name: en.eng_record_decision }).click());
		await expectVisible(officer.getByRole('alert').getByText(en.eng_e_gate_plan), 'the gate refuses "invest"');

		await arrive(officer, `/requests/${requestId}/safety-plan`, () => officer.getByRole('link', { name: en.eng_plan_write }).click());
		await arrive(officer, `/requests/${requestId}/safety-plan`, () => officer.getByRole('button', { name: en.eng_plan_save }).click());
		await expectVisible(officer.getByText(en.v_required).first(), 'an empty plan is refused');
		await officer.getByRole('textbox', { name: en.eng_plan_risks }).fill('Staff followed after meetings with officials.');
		await officer.getByRole('textbox', { name: en.eng_plan_mitigations }).fill('Neutral venues; no names in shared documents.');
		await officer.getByRole('textbox', { name: en.eng_plan_responsible }).fill('Regional programme lead');
		await officer.getByRole('textbox', { name: en.eng_plan_safe_contact }).fill('Signal through the coordinator only.');
		await officer.getByLabel(en.eng_plan_review_on).fill('2027-03-01');
		await arrive(officer, /\/safety-plan\?saved$/, () => officer.getByRole('button', { name: en.eng_plan_save }).click());
		await expectVisible(officer.getByText(en.eng_plan_saved_notice));
		await expectVisible(officer.getByText(en.eng_plan_own_hint));
		expect(await officer.getByRole('button', { name: en.eng_plan_approve }).count()).toBe(0);
		const own = await officer.request.post(`/api/v1/engagement-requests/${requestId}/safety-plan/approval`, { headers: { origin: new URL(officer.url()).origin } });
		expect(own.status()).toBe(403);
		expect((await own.json()).error.message).toBe(en.eng_e_own_plan);
	});

	it('a second officer approves the plan, and the first records "invest"', async () => {
		const second = await hubs.current.newPage({ locale: 'fr-FR' });
		await signIn(second, 'officer2@demo.supporthub.org', DEMO_PASSWORD);
		await visit(second, `/requests/${requestId}/safety-plan`);
		await arrive(second, /\/safety-plan\?approved$/, () => second.getByRole('button', { name: fr.eng_plan_approve }).click());
		await expectVisible(second.getByText(fr.eng_plan_approved_notice));
		await second.context().close();

		await visit(officer, `/requests/${requestId}/decide`);
		await expectVisible(officer.getByText(en.eng_gate_ready));
		await officer.getByRole('radio', { name: en.eng_decision_invest }).check();
		await officer.getByRole('textbox', { name: en.eng_rationale }).fill('Strong case, with an approved safety plan.');
		await arrive(officer, `/requests/${requestId}`, () => officer.getByRole('button', { name: en.eng_record_decision }).click());
		await expectVisible(officer.getByText(en.eng_status_decided, { exact: true }));
		await expectVisible(officer.getByText(en.eng_decision_invest).first());
	});

	it('an admin finds the plan’s approval and the decision in the audit log, filters it and downloads it', async () => {
		const admin = await hubs.current.newPage();
		await signIn(admin, demo('admin'), DEMO_PASSWORD);
		await visit(admin, '/admin/audit');
		await openNavGroup(admin, en.nav_group_admin);
		await expectVisible(admin.getByRole('navigation').getByRole('link', { name: en.audit_nav }).first(), 'the audit log in the admin navigation');
		await admin.getByRole('combobox', { name: en.audit_what }).selectOption('safety_plan_approved');
		await admin.getByRole('textbox', { name: en.audit_who }).fill('Omar');
		await arrive(admin, /\/admin\/audit\?.*action=safety_plan_approved/, () => admin.getByRole('button', { name: en.audit_apply }).click());
		const row = admin.getByRole('row', { name: /Omar Officer/ });
		await expectVisible(row, 'the approval by the second officer');
		expect(await admin.getByRole('row').count()).toBe(2);
		await visit(admin, `/admin/audit?subject=${requestId}`);
		await expectVisible(admin.getByRole('cell', { name: en.audit_a_decided }), 'the decision on the request');
		const csv = await admin.request.get(`/admin/audit/export?subject=${requestId}`);
		expect(csv.status()).toBe(200);
		expect(await csv.text()).toContain('safety_plan_written');
		expect((await admin.request.get('/admin/audit')).status()).toBe(200);
		await admin.context().close();
		expect((await officer.goto('/admin/audit'))?.status()).toBe(403);
	});
});
