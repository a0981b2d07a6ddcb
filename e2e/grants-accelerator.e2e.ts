// The accelerator call, defined only as data, taken through its stages: short application →
// long application by invitation → interview, with an external reviewer who sees only what is
// assigned to them.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, expectVisible, pageMessages, signIn, uniqueWord, useHub, visit } from './helpers.ts';

const hubs = useHub();

// The demo reviewer's password is changed by the accounts journey; grants use their own reviewer.
const GRANTS_REVIEWER = 'grants-reviewer@demo.supporthub.org';
async function as(who: Parameters<typeof demo>[0] | 'grants-reviewer'): Promise<Page> {
	const page = await hubs.current.newPage();
	await signIn(page, who === 'grants-reviewer' ? GRANTS_REVIEWER : demo(who), DEMO_PASSWORD);
	return page;
}

describe('accelerator: advancing through three stages', () => {
	const reform = `Open road contracts ${uniqueWord('')}`;
	let applicant: Page;
	let officer: Page;
	let path = '';

	const step = async (transition: string) => {
		await arrive(officer, path, () => officer.getByRole('button', { name: en[`grant_t_${transition}` as keyof typeof en], exact: true }).click());
	};
	const assignAndScore = async (who: 'external' | 'grants-reviewer', name: string) => {
		await officer.getByLabel(en.grant_assign_reviewer).selectOption({ label: name });
		await arrive(officer, path, () => officer.getByRole('button', { name: en.grant_assign, exact: true }).click());
		const page = await as(who);
		await visit(page, path);
		const t = await pageMessages(page);
		await arrive(page, path, () => page.getByRole('button', { name: t.grant_declare_submit }).click());
		for (const [id, points] of [['impact', '9'], ['power', '7'], ['capacity', '6']]) await page.locator(`#p-${id}`).fill(points);
		await arrive(page, path, () => page.getByRole('button', { name: t.grant_submit_review }).click());
		await page.context().close();
	};

	it('a team passes the eligibility checklist and submits the short application', async () => {
		applicant = await as('member');
		await visit(applicant, '/calls/accelerator-2027');
		const t = await pageMessages(applicant);
		for (const [q, v] of [['team', 'yes'], ['press', 'problematic'], ['community', 'yes'], ['leadership', 'yes']]) await applicant.locator(`input[name="s.${q}"][value=${v}]`).check();
		await arrive(applicant, '/calls/accelerator-2027', () => applicant.getByRole('button', { name: t.grant_check_eligibility }).click());
		await arrive(applicant, /\/edit$/, () => applicant.getByRole('button', { name: t.grant_start_application }).click());
		path = new URL(applicant.url()).pathname.replace(/\/edit$/, '');
		await applicant.locator('#f-reform').fill(reform);
		await applicant.locator('#f-problem').fill('Road costs double the regional average.');
		await applicant.locator('#f-people_served').fill('900000');
		for (const [i, role] of ['Lead', 'Data', 'Legal', 'Communication'].entries()) {
			await applicant.locator(`#f-team-${i}-name`).fill(`Member ${i}`);
			await applicant.locator(`#f-team-${i}-role`).fill(role);
		}
		await arrive(applicant, path, () => applicant.getByRole('button', { name: t.grant_t_submit, exact: true }).click());
		await expectVisible(applicant.getByText(t.grant_s_submitted, { exact: true }));
	});

	it('stage 1 is reviewed on the 25-point rubric by an external reviewer, who sees only what is assigned', async () => {
		officer = await as('officer');
		await visit(officer, path);
		await expectVisible(officer.getByText(/\(stage 1 of 3\)/));
		await step('start_screening');
		await step('send_to_review');
		await assignAndScore('external', 'Esther External');
		const external = await as('external');
		await visit(external, '/grants');
		await expectVisible(external.getByRole('link', { name: reform }));
		expect(await external.content()).not.toContain('Asunción publica');
		await external.context().close();
		await visit(officer, path);
		await expectVisible(officer.getByText('22 (88 %)', { exact: false }));
	});

	it('invited to the long application, the team completes it; after its review the interview stage opens', async () => {
		await step('advance_stage');
		await expectVisible(officer.getByText(/\(stage 2 of 3\)/));
		await visit(applicant, path);
		const t = await pageMessages(applicant);
		await arrive(applicant, `${path}/edit`, () => applicant.getByRole('link', { name: t.grant_edit_submit }).click());
		await applicant.locator('#f-theory').fill('Publish every contract, monitor with road users, fix what they find.');
		await applicant.locator('#f-allies').fill('The roads minister and the audit office.');
		await applicant.locator('#f-amount').fill('120000');
		await arrive(applicant, path, () => applicant.getByRole('button', { name: t.grant_t_submit, exact: true }).click());

		await visit(officer, path);
		await step('start_screening');
		await step('send_to_review');
		await assignAndScore('grants-reviewer', 'Gabriel Reviewer');
		await visit(officer, path);
		await step('advance_stage');
		await expectVisible(officer.getByText(/Interview \(stage 3 of 3\)/));
		await expectVisible(officer.getByText(en.grant_s_in_review, { exact: true }));
	});
});
