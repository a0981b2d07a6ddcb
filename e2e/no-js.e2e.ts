// The hub works without JavaScript: every form is a plain HTML form the server answers, with
// per-field messages on a failed submission and what was typed kept.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	arrive,
	demo,
	DEMO_PASSWORD,
	en,
	es,
	expectVisible,
	fmt,
	heading,
	useHub,
	signIn,
	uniqueWord,
	visit
} from './helpers.ts';

const hubs = useHub();

/** The texts a field is described by (aria-describedby), which is how its error is announced. */
async function description(page: Page, field: Locator): Promise<string> {
	const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
	const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
	return texts.join(' ');
}

describe('without JavaScript, a partner member', () => {
	// Steps share one page; a failed step makes the later ones fail too.
	const word = uniqueWord('nojs');
	const orgName = `Plain Forms Collective ${word}`;
	const typedDescription = `Data journalists who read contracts on paper; ${word}.`;
	let page: Page;
	let orgPath = '';

	it('signs in (the account is in Spanish) and switches the hub to English with the header form', async () => {
		page = await hubs.current.newPage({ javaScriptEnabled: false });
		await signIn(page, demo('partner'), DEMO_PASSWORD);
		expect(await page.locator('html').getAttribute('lang')).toBe('es');
		await expectVisible(heading(page, es.home_work_title));
		await visit(page, '/directory');
		await page.getByRole('banner').getByRole('combobox', { name: es.language }).selectOption('en');
		await arrive(page, '/directory', () => page.getByRole('banner').getByRole('button', { name: es.language_change }).click());
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		await expectVisible(heading(page, en.directory_title));
	});

	it('submits the new-organisation form with the name empty and gets the message on that field', async () => {
		await arrive(page, '/directory/new', () => page.getByRole('link', { name: en.organisation_new }).click());
		await page.getByRole('combobox', { name: en.field_kind }).selectOption('media');
		// Typed without script, in lower case: the server reads the name.
		await page.getByRole('combobox', { name: en.field_country }).fill('peru');
		await page.getByRole('combobox', { name: en.field_region }).selectOption('latin_america_caribbean');
		await page.getByRole('group', { name: en.field_languages }).getByRole('checkbox', { name: 'Spanish', exact: true }).check();
		await page.getByRole('textbox', { name: en.field_description }).fill(typedDescription);

		const failed = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/directory/new');
		await arrive(page, '/directory/new', () => page.getByRole('button', { name: en.create, exact: true }).click());
		expect((await failed).status()).toBe(400);
		await expectVisible(page.getByRole('alert').getByText(en.form_has_errors));
		const name = page.getByRole('textbox', { name: en.field_org_name });
		expect(await name.getAttribute('aria-invalid')).toBe('true');
		expect(await description(page, name)).toContain(en.v_required);
	});

	it('finds what they typed still in the form', async () => {
		expect(await page.getByRole('combobox', { name: en.field_kind }).inputValue()).toBe('media');
		expect(await page.getByRole('combobox', { name: en.field_country }).inputValue()).toBe('Peru');
		expect(await page.getByRole('combobox', { name: en.field_region }).inputValue()).toBe('latin_america_caribbean');
		expect(await page.getByRole('checkbox', { name: 'Spanish', exact: true }).isChecked()).toBe(true);
		expect(await page.getByRole('textbox', { name: en.field_description }).inputValue(), 'the description typed before submitting').toBe(typedDescription);
	});

	it('fills in the name and lands on the new partner page as its owner', async () => {
		await page.getByRole('textbox', { name: en.field_org_name }).fill(orgName);
		await arrive(page, /^\/directory\/[0-9a-f-]{36}$/, () => page.getByRole('button', { name: en.create, exact: true }).click());
		orgPath = new URL(page.url()).pathname;
		await expectVisible(heading(page, orgName));
		await expectVisible(page.getByRole('region', { name: en.members, exact: true }).getByText(`Paula Partner (${en.membership_owner})`));
	});

	it('finds it with the directory’s GET search form', async () => {
		await arrive(page, '/directory', () => page.getByRole('link', { name: en.directory_title }).first().click());
		await page.getByRole('searchbox', { name: en.search }).fill(word);
		await arrive(page, /^\/directory\?/, () => page.getByRole('main').getByRole('search').getByRole('button', { name: en.search }).click());
		expect(new URL(page.url()).searchParams.get('q')).toBe(word);
		expect(await page.getByRole('searchbox', { name: en.search }).inputValue()).toBe(word);
		await expectVisible(page.getByRole('status').getByText(fmt(en.results_count, { count: '1' })));
		const result = page.getByRole('main').getByRole('link', { name: orgName });
		await expectVisible(result);
		expect(await result.getAttribute('href')).toBe(orgPath);
	});

	it('saves their seeded organisation’s edit form unchanged without losing its description', async () => {
		const seededName = 'Transparencia Ciudadana';
		const seededDescription = 'Organización que vigila las compras públicas municipales y publica alertas sobre contratos de obra.';
		await visit(page, '/directory?q=Transparencia');
		await arrive(page, /^\/directory\/[0-9a-f-]{36}$/, () => page.getByRole('main').getByRole('link', { name: seededName }).click());
		await expectVisible(page.getByText(seededDescription));
		const partnerPath = new URL(page.url()).pathname;
		await arrive(page, `${partnerPath}/edit`, () => page.getByRole('link', { name: en.organisation_edit }).click());
		expect(await page.getByRole('textbox', { name: en.field_org_name }).inputValue()).toBe(seededName);
		await arrive(page, partnerPath, () => page.getByRole('button', { name: en.save, exact: true }).click());
		await expectVisible(heading(page, seededName));
		expect(await page.getByText(seededDescription).count(), 'the description after saving the unchanged form').toBe(1);
		await page.context().close();
	});
});
