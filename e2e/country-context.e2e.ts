// Country context: an officer imports a rating file that has bad rows (refused whole, with a
// message per row), then a good one, and deletes a wrong one nobody saw; an assessor of a
// Lebanese request sees the newest rating beside physical security and "no publication" beside
// data infrastructure, in French, as evidence and not a score. Every page passes axe at 1280 and 375 px.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, expectAccessible, expectVisible, fr, heading, signIn, useHub, visit } from './helpers.ts';

const hubs = useHub();
const SHOTS = process.env.E2E_SCREENSHOTS;

async function bothWidths(page: Page, name: string) {
	for (const width of [1280, 375]) {
		await page.setViewportSize({ width, height: 900 });
		await expectAccessible(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${name} scrolls sideways at ${width}`).toBe(true);
		if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 900 });
}

async function upload(page: Page, kind: string, source: string, name: string, body: string) {
	const form = page.getByRole('region', { name: en.cc_import_title });
	await form.getByRole('combobox', { name: en.cc_f_kind }).selectOption(kind);
	await form.getByRole('textbox', { name: en.cc_f_source, exact: true }).fill(source);
	await form.getByLabel(en.cc_f_source_date).fill('2026-09-01');
	await form.getByRole('textbox', { name: en.cc_f_licence, exact: true }).fill('CC BY 4.0');
	await form.getByLabel(en.cc_f_file).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(body) });
	await arrive(page, '/insight/country-context', () => form.getByRole('button', { name: en.cc_import_button }).click());
}

describe('country context as assessment evidence', () => {
	it('an officer’s file with bad rows is refused with a message per row; a good file is listed with its source', async () => {
		const officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		await visit(officer, '/insight');
		await arrive(officer, '/insight/country-context', () => officer.getByRole('link', { name: en.cc_nav }).click());
		await expectVisible(heading(officer, en.cc_nav));
		await upload(officer, 'civic_space', 'Civic Space Monitor, September update', 'bad.csv', 'country,rating,band\nLB,31,repressed\nXX,40,narrowed\nLB,"=HYPERLINK(""http://x"")",repressed\n');
		await expectVisible(officer.getByRole('alert'));
		await expectVisible(officer.getByText(/^Row 3: .*XX/));
		await expectVisible(officer.getByText(/^Row 4: LB is listed twice/));
		await expect(officer.getByRole('cell', { name: 'Civic Space Monitor, September update' }).count()).resolves.toBe(0);
		await bothWidths(officer, 'country-context-refused');
		await upload(officer, 'civic_space', 'Civic Space Monitor, September update', 'update.csv', 'country,rating,band\nLB,31,repressed\n');
		await expectVisible(officer.getByRole('status'));
		await expectVisible(officer.getByRole('cell', { name: 'Civic Space Monitor, September update' }));
		await bothWidths(officer, 'country-context-list');
		await officer.context().close();
	});

	it('a file brought in by mistake, which no assessment has seen, is deleted from the list', async () => {
		const officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		await visit(officer, '/insight/country-context');
		await upload(officer, 'civic_space', 'Wrong edition', 'wrong.csv', 'country,rating,band\nLB,99,open\n');
		await arrive(officer, '/insight/country-context', () => officer.getByRole('button', { name: `${en.cc_delete} wrong.csv` }).click());
		await expectVisible(officer.getByRole('status').filter({ hasText: en.cc_deleted.replace('{file}', 'wrong.csv') }));
		await expect(officer.getByRole('cell', { name: 'Wrong edition' }).count()).resolves.toBe(0);
		await officer.context().close();
	});

	it('the assessor sees the newest rating beside physical security and no publication beside data infrastructure, in French', async () => {
		const external = await hubs.current.newPage({ locale: 'fr-FR' });
		await signIn(external, demo('external'), DEMO_PASSWORD);
		await visit(external, '/requests');
		const link = external.getByRole('link', { name: /protected channel/ }).first();
		const href = await link.getAttribute('href');
		await visit(external, `${href}/assess`);
		const t = (await external.locator('html').getAttribute('lang')) === 'fr' ? fr : en;
		// Each box sits inside its criterion's group and describes it.
		const title = t.cc_evidence_title.replace('{country}', t === fr ? 'Liban' : 'Lebanon');
		for (const key of ['data_infrastructure', 'physical_security']) {
			await expectVisible(external.locator(`#x-${key}`).getByText(title, { exact: true }), `the evidence beside ${key}`);
			expect(await external.locator(`fieldset:has(#x-${key})`).getAttribute('aria-describedby')).toContain(`x-${key}`);
		}
		await expectVisible(external.getByText(t.cc_rating_value.replace('{rating}', '31').replace('{band}', 'repressed')));
		await expectVisible(external.getByText(t.cc_no_publications));
		await bothWidths(external, 'assess-evidence');
		await external.context().close();
	});
});
