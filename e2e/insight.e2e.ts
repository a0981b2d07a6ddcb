// Reporting for staff: an officer opens /insight from the menu, narrows it with the GET filters,
// and downloads a table as XLSX, which opens in exceljs with the same rows. At phone width no
// table makes the page scroll sideways. A partner is refused the page and its API.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, es, expectAccessible, expectVisible, heading, openNavGroup, signIn, useHub, visit } from './helpers.ts';

const hubs = useHub();

/** The elements that stick out past the right edge of the window (none, when nothing scrolls sideways). */
const stickingOut = (page: Page) =>
	page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth <= width) return [];
		return [...document.querySelectorAll('body *')]
			.filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest('.overflow-x-auto'))
			.slice(0, 5)
			.map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`);
	});

describe('insight for staff', () => {
	let officer: Page;

	it('an officer opens /insight from the menu and filters it to one region', async () => {
		officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		await openNavGroup(officer, en.nav_group_staff);
		await arrive(officer, '/insight', () => officer.getByRole('navigation').getByRole('link', { name: en.insight_nav, exact: true }).first().click());
		await expectVisible(heading(officer, en.insight_report_title));
		const form = officer.getByRole('search', { name: en.insight_filters });
		await form.getByRole('combobox', { name: en.field_region }).selectOption('latin_america_caribbean');
		await form.getByRole('combobox', { name: en.insight_f_by }).selectOption('kind');
		await arrive(officer, /^\/insight\?.*region=latin_america_caribbean/, () => form.getByRole('button', { name: en.insight_apply }).click());
		const support = officer.getByRole('table', { name: en.insight_t_support_kind });
		await expectVisible(support);
		await expectVisible(support.getByRole('rowheader', { name: en.insight_r_total }));
		// Each chart is an image with its own title, next to its table.
		await expectVisible(officer.getByRole('img', { name: en.insight_ch_funnel }));
	});

	it('the funnel downloads as XLSX and reads back with the same header and a call’s row', async () => {
		const download = officer.waitForEvent('download');
		await officer.getByRole('link', { name: en.insight_export_xlsx.replace('{table}', en.insight_t_funnel) }).click();
		const file = await (await download).path();
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
		const sheet = book.worksheets[0];
		expect(sheet.getRow(1).values).toEqual([undefined, en.insight_c_call, en.insight_step_started, en.insight_step_submitted, en.insight_step_screened, en.insight_step_reviewed, en.insight_step_awarded]);
		const row = sheet.getRow(2).values as unknown[];
		expect(typeof row[1]).toBe('string');
		expect(row.slice(2).every((v) => typeof v === 'number')).toBe(true);
		expect(Number(row[2])).toBeGreaterThanOrEqual(Number(row[6]));
	});

	it('at 375 px the page passes axe and its tables scroll inside their boxes, not the page', async () => {
		await officer.setViewportSize({ width: 375, height: 800 });
		await visit(officer, '/insight');
		expect(await stickingOut(officer)).toEqual([]);
		await officer.setViewportSize({ width: 1280, height: 900 });
	});

	it('a partner is refused the page and its API', async () => {
		const partner = await hubs.current.newPage();
		await signIn(partner, demo('partner'), DEMO_PASSWORD);
		expect((await partner.goto('/insight'))?.status()).toBe(403);
		expect((await partner.request.get('/api/v1/insight')).status()).toBe(403);
		expect((await partner.request.get('/insight/export?table=support&format=csv')).status()).toBe(403);
		await expectAccessible(partner);
	});
});

describe('the public partners page', () => {
	it('opens in Spanish without JavaScript, passes axe at 1280 and 375 px, and never names the sensitive partner', async () => {
		const visitor = await hubs.current.newPage({ javaScriptEnabled: false, locale: 'es-ES' });
		for (const width of [1280, 375]) {
			await visitor.setViewportSize({ width, height: 800 });
			await visit(visitor, '/partners');
			await expectVisible(heading(visitor, es.partners_title));
			await expectVisible(visitor.getByRole('table', { name: es.partners_by_country }));
			await expectVisible(visitor.getByRole('rowheader', { name: 'Transparencia Ciudadana' }));
			expect(await stickingOut(visitor)).toEqual([]);
		}
		const text = await visitor.locator('main').innerText();
		expect(text).not.toContain('Civic Voices Network');
		// Agreed to be listed, but has no engagement agreement.
		expect(text).not.toContain('Paraguay Compras Abiertas');
		await expectVisible(visitor.getByRole('link', { name: es.partners_link_register }));
		const data = await (await visitor.request.get('/partners.json')).text();
		expect(data).not.toContain('Civic Voices Network');
		expect(JSON.parse(data).headline.partners).toBeGreaterThan(0);
	});
});
