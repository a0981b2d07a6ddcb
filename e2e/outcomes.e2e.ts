// Outcome tracking: an officer sets an indicator on a partner's strategy; the partner (in
// Spanish) reports a value with evidence; the officer marks it on track; the partner page shows
// the outcome. A bad value is refused on the page. Every page is checked with axe. (A grant's
// outcome, through to /insight and its XLSX, is in outcomes-to-insight.e2e.ts.)
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, es, expectVisible, signIn, uniqueWord, useHub, visit } from './helpers.ts';

const hubs = useHub();

async function openPartner(page: Page, name: string) {
	await visit(page, `/directory?q=${encodeURIComponent(name.split(' ')[0])}`);
	await arrive(page, /^\/directory\/[0-9a-f-]{36}$/, () => page.getByRole('main').getByRole('link', { name }).click());
}

async function addIndicator(page: Page, measure: string) {
	const form = page.locator('form[action="?/addIndicator"]');
	await form.getByRole('combobox', { name: en.insight_f_area }).selectOption({ label: en.insight_area_competition });
	await form.getByRole('textbox', { name: en.insight_f_measure, exact: true }).fill(measure);
	await form.getByRole('textbox', { name: en.insight_f_unit, exact: true }).fill('%');
	await form.getByRole('textbox', { name: en.insight_f_baseline, exact: true }).fill('20');
	await form.getByRole('textbox', { name: en.insight_f_target, exact: true }).fill('50');
	await form.getByLabel(en.insight_f_target_date).fill('2099-12-31');
	await arrive(page, /^\/outcomes\//, () => form.getByRole('button', { name: en.insight_add_indicator }).click());
	await expectVisible(page.getByRole('status').filter({ hasText: en.insight_indicator_added }));
	await expectVisible(page.getByRole('link', { name: measure }));
}

describe('outcomes of a strategy', () => {
	const planMeasure = `Tenders with three bids ${uniqueWord('')}`;
	let officer: Page;
	let partner: Page;
	let indicatorPath = '';

	it('an officer sets an indicator on the Spanish strategy of the demo partner', async () => {
		officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		await openPartner(officer, 'Transparencia Ciudadana');
		await arrive(officer, /^\/toolkit\/[0-9a-f-]{36}$/, () => officer.getByRole('region', { name: en.toolkit_section_title }).getByRole('link').first().click());
		await arrive(officer, /^\/outcomes\/strategy\//, () => officer.getByRole('link', { name: en.insight_outcomes_link }).click());
		await addIndicator(officer, planMeasure);
		await arrive(officer, /^\/outcomes\/indicators\//, () => officer.getByRole('link', { name: planMeasure }).click());
		indicatorPath = new URL(officer.url()).pathname;
	});

	it('the partner reports a value with evidence; a value that is not a number is refused', async () => {
		partner = await hubs.current.newPage();
		await signIn(partner, demo('partner'), DEMO_PASSWORD);
		await partner.getByRole('banner').getByRole('combobox').first().selectOption('es');
		await arrive(partner, /.*/, () => partner.getByRole('banner').getByRole('button', { name: new RegExp(`^(${en.language_change}|${es.language_change}|Changer)$`) }).click());
		await visit(partner, indicatorPath);
		const form = partner.locator('form[action="?/report"]');
		await form.getByRole('textbox', { name: es.insight_f_value, exact: true }).fill('muchos');
		await form.getByLabel(es.insight_f_observed_on).fill('2026-10-01');
		await arrive(partner, indicatorPath, () => form.getByRole('button', { name: es.insight_report_actual }).click());
		await expectVisible(partner.locator('#f-r-value-error'));
		await form.getByRole('textbox', { name: es.insight_f_value, exact: true }).fill('34');
		await form.getByLabel(es.insight_f_observed_on).fill('2026-10-01');
		await form.getByRole('combobox', { name: es.insight_f_source }).selectOption({ label: es.insight_source_monitoring_entry });
		await form.getByRole('textbox', { name: es.insight_f_evidence_links, exact: true }).fill('https://transparencia.example.org/t3.csv');
		await arrive(partner, indicatorPath, () => form.getByRole('button', { name: es.insight_report_actual }).click());
		await expectVisible(partner.getByRole('status').filter({ hasText: es.insight_actual_added }));
		await expectVisible(partner.getByRole('link', { name: 'https://transparencia.example.org/t3.csv' }));
		// Partners read staff's judgement but never make it.
		expect(await partner.locator('form[action="?/review"]').count()).toBe(0);
	});

	it('the officer marks the value on track, and the partner page shows it', async () => {
		await visit(officer, indicatorPath);
		const review = officer.locator('form[action="?/review"]').first();
		await review.getByRole('combobox', { name: en.insight_col_status }).selectOption('on_track');
		await review.getByRole('textbox', { name: en.insight_f_review_note, exact: true }).fill('Portal extract checked');
		await arrive(officer, indicatorPath, () => review.getByRole('button', { name: en.insight_save_review }).click());
		await expectVisible(officer.getByRole('status').filter({ hasText: en.insight_review_added }));
		await openPartner(partner, 'Transparencia Ciudadana');
		const row = partner.getByRole('region', { name: es.insight_section_title }).getByRole('row').filter({ hasText: planMeasure });
		await expectVisible(row.getByRole('cell', { name: es.insight_status_on_track }));
		await expectVisible(row.getByRole('cell', { name: /34 %/ }));
	});
});
