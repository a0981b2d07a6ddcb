// The mini-grant journey from the issue: a partner passes the screener and applies → an officer
// screens → two reviewers, one of whom declares a conflict → decision → award → a tranche paid
// by finance → the partner's outcome report. Each person works in their own language.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, expectVisible, pageMessages, signIn, uniqueWord, useHub, visit, waitForMail, type Messages } from './helpers.ts';

const hubs = useHub();

// The demo reviewer's password is changed by the accounts journey; grants use their own reviewer.
const GRANTS_REVIEWER = 'grants-reviewer@demo.supporthub.org';
async function as(who: Parameters<typeof demo>[0] | 'grants-reviewer'): Promise<Page> {
	const page = await hubs.current.newPage();
	await signIn(page, who === 'grants-reviewer' ? GRANTS_REVIEWER : demo(who), DEMO_PASSWORD);
	return page;
}

describe('mini-grant: from screener to outcome report', () => {
	const goal = `Council adopts open contracting ${uniqueWord('')}`;
	let partner: Page;
	let officer: Page;
	let path = '';

	async function staffStep(page: Page, transition: string) {
		const t = await pageMessages(page);
		await arrive(page, path, () => page.getByRole('button', { name: t[`grant_t_${transition}` as keyof Messages], exact: true }).click());
	}

	it('a partner who fails a screener condition is told which; passing it starts a draft they fill in and submit', async () => {
		partner = await as('partner');
		await visit(partner, '/calls/rapid-response');
		const t = await pageMessages(partner);
		const radios = (value: string) => partner.locator(`input[type=radio][value=${value}]`);
		for (const q of ['goal', 'mandate', 'plan']) await partner.locator(`input[name="s.${q}"][value=yes]`).check();
		await partner.locator('input[name="s.manager"][value=no]').check();
		await arrive(partner, '/calls/rapid-response', () => partner.getByRole('button', { name: t.grant_check_eligibility }).click());
		await expectVisible(partner.getByRole('heading', { name: t.grant_not_eligible }));
		expect(await partner.getByRole('status').textContent()).toContain('planta');
		expect(await radios('yes').count()).toBe(4);

		await partner.locator('input[name="s.manager"][value=yes]').check();
		await arrive(partner, '/calls/rapid-response', () => partner.getByRole('button', { name: t.grant_check_eligibility }).click());
		await expectVisible(partner.getByRole('heading', { name: t.grant_eligible }));
		await arrive(partner, /\/grants\/applications\/[^/]+\/edit$/, () => partner.getByRole('button', { name: t.grant_start_application }).click());
		path = new URL(partner.url()).pathname.replace(/\/edit$/, '');

		await partner.locator('#f-goal').fill(goal);
		await partner.locator('#f-deadline').fill(`${new Date().getUTCFullYear() + 1}-06-30`);
		await partner.locator('#f-mandate').fill('A council resolution with a budget line and two staff');
		await arrive(partner, `${path}/edit`, () => partner.getByRole('button', { name: t.grant_save_draft }).click());
		await expectVisible(partner.getByText(t.grant_saved));
		await partner.locator('#f-milestones-0-title').fill('Draft policy shared with the council');
		await partner.locator('#f-manager_name').fill('Ana Pérez');
		await partner.locator('#f-manager_role').fill('Coordinadora de campaña');
		await partner.locator('#f-budget-0-item').fill('Tiempo del personal');
		await partner.locator('#f-budget-0-amount').fill('4000');
		await arrive(partner, path, () => partner.getByRole('button', { name: t.grant_t_submit, exact: true }).click());
		await expectVisible(partner.getByText(t.grant_s_submitted, { exact: true }));
		const mail = await waitForMail(demo('partner'), 'Solicitud recibida');
		expect(mail.text).toContain(path);
	});

	it('the officer sees the decision clock, screens it and assigns two reviewers', async () => {
		officer = await as('officer');
		await visit(officer, '/grants?q=' + encodeURIComponent(goal));
		await expectVisible(officer.getByText(/10 working days left|9 working days left|8 working days left/));
		await visit(officer, path);
		await expectVisible(officer.getByText(en.grant_clock, { exact: false }));
		await staffStep(officer, 'start_screening');
		await staffStep(officer, 'send_to_review');
		for (const name of ['Gabriel Reviewer', 'Esther External']) {
			await officer.getByLabel(en.grant_assign_reviewer).selectOption({ label: name });
			await arrive(officer, path, () => officer.getByRole('button', { name: en.grant_assign, exact: true }).click());
		}
		await expectVisible(officer.getByRole('cell', { name: 'Esther External' }));
	});

	it('one reviewer declares a conflict and loses access; the other declares none and scores', async () => {
		const external = await as('external');
		await visit(external, path);
		await external.getByLabel(en.grant_declare_yes).check();
		await arrive(external, '/grants', () => external.getByRole('button', { name: en.grant_declare_submit }).click());
		expect((await external.goto(path))!.status()).toBe(404);

		const reviewer = await as('grants-reviewer');
		await visit(reviewer, path);
		const t = await pageMessages(reviewer);
		expect(await reviewer.locator('#f-goal, dd').count()).toBe(0);
		await arrive(reviewer, path, () => reviewer.getByRole('button', { name: t.grant_declare_submit }).click());
		await expectVisible(reviewer.getByText(goal).first());
		for (const [id, points] of [['mandate', '5'], ['plan', '4'], ['value', '3']]) await reviewer.locator(`#p-${id}`).fill(points);
		await arrive(reviewer, path, () => reviewer.getByRole('button', { name: t.grant_submit_review }).click());
		await expectVisible(reviewer.getByText(t.grant_done_review));
	});

	it('the officer sees the conflict and the score, moves to decision and awards', async () => {
		await visit(officer, path);
		await expectVisible(officer.getByText(en.grant_a_conflict, { exact: false }));
		await expectVisible(officer.getByText('17 (85 %)', { exact: false }));
		await staffStep(officer, 'to_decision');
		await officer.locator('#amount').fill('4000');
		await officer.locator('#conditions').fill('Share the policy brief');
		await arrive(officer, path, () => officer.getByRole('button', { name: en.grant_t_award }).last().click());
		await expectVisible(officer.getByText(en.grant_s_awarded, { exact: true }));
	});

	it('finance plans a tranche and records it paid', async () => {
		const finance = await as('finance');
		await visit(finance, path);
		const t = await pageMessages(finance);
		const today = new Date().toISOString().slice(0, 10);
		await finance.locator('#plannedDate').fill(today);
		await finance.locator('#plannedAmount').fill('2000');
		await arrive(finance, path, () => finance.getByRole('button', { name: t.grant_plan_tranche }).click());
		await finance.locator('input[name=paidDate]').fill(today);
		await arrive(finance, path, () => finance.getByRole('button', { name: t.grant_record_payment }).click());
		await expectVisible(finance.getByRole('cell', { name: /2[\s\u202f.,]?000/ }).first());
		expect(await finance.getByRole('button', { name: t.grant_record_payment }).count()).toBe(0);
	});

	it('the partner submits the outcome report', async () => {
		await visit(partner, path);
		const t = await pageMessages(partner);
		await partner.getByLabel(t.grant_change_policy).check();
		await partner.locator('textarea[name=narrative]').fill('The council adopted the policy in its March session.');
		await partner.locator('textarea[name=evidenceLinks]').fill('https://council.example.org/resolution-12');
		await arrive(partner, path, () => partner.getByRole('button', { name: t.grant_report_submit }).click());
		await expectVisible(partner.getByRole('link', { name: 'https://council.example.org/resolution-12' }));
	});
});
