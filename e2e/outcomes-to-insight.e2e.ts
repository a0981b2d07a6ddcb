// From a grant's outcome to the portfolio report, on a hub of its own (the demo as seeded, so the
// report's counts are known): an officer sets an outcome indicator on the awarded mini-grant of
// Paraguay Compras Abiertas and invites the demo partner to that organisation; she accepts and, in
// Spanish, reports a value with an evidence link; the officer opens /insight (nothing on track
// yet), then reviews the value as on track with a note; /insight, visited again, counts it at once
// under its impact area and status, and the officer downloads that table as
// XLSX, which reads back with the same row. Every page passes axe at 1280 and 375 px.
// (The strategy's outcome, in Spanish, is in outcomes.e2e.ts; the public page, in Spanish without
// script, in insight.e2e.ts.)
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, es, expectVisible, fmt, heading, openNavGroup, signIn, smtpUrl, uniqueWord, useHub, visit, waitForMail } from './helpers.ts';
import { ownHubPage, startOwnHub, stopOwnHub, type OwnHub } from './own-hub.ts';

const hubs = useHub();
const GRANTEE = 'Paraguay Compras Abiertas';
const EVIDENCE = 'https://compras.example.org/ahorro/2026-t4.csv';

let own: OwnHub;
beforeAll(async () => {
	own = await startOwnHub('outcomes-to-insight', { STAFF_TWO_FACTOR_ROLES: 'none', SIGN_IN_ATTEMPTS_PER_MINUTE: '1000', SMTP_URL: smtpUrl });
}, 150_000);
afterAll(() => stopOwnHub(own));

async function openPartner(page: Page, name: string) {
	await visit(page, `/directory?q=${encodeURIComponent(name.split(' ')[0])}`);
	await arrive(page, /^\/directory\/[0-9a-f-]{36}$/, () => page.getByRole('main').getByRole('link', { name }).click());
}

/** The savings row's figure under one status in /insight's outcomes table. */
async function savingsCell(page: Page, status: string) {
	const table = page.getByRole('table', { name: en.insight_t_outcomes });
	const header = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim());
	const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: en.insight_area_savings, exact: true }) });
	const cells = (await row.locator('th, td').allInnerTexts()).map((t) => t.trim());
	return cells[header.indexOf(status)];
}

describe('an outcome of a grant, from its indicator to the portfolio report', () => {
	const measure = `Ahorro en compras de medicamentos ${uniqueWord('')}`;
	let officer: Page;
	let partner: Page;
	let orgPath = '';
	let indicatorPath = '';

	it('an officer sets an outcome indicator on the awarded grant, with its impact area, baseline, target and evidence expected', async () => {
		officer = await ownHubPage(hubs.current, own);
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		await openPartner(officer, GRANTEE);
		orgPath = new URL(officer.url()).pathname;
		await arrive(officer, /^\/grants\/applications\//, () => officer.getByRole('region', { name: en.grant_section_title }).getByRole('link').first().click());
		await arrive(officer, /^\/outcomes\/grant\//, () => officer.getByRole('link', { name: en.insight_outcomes_link }).click());
		await expectVisible(heading(officer, en.insight_outcomes_title));
		const form = officer.locator('form[action="?/addIndicator"]');
		await form.getByRole('combobox', { name: en.insight_f_area }).selectOption({ label: en.insight_area_savings });
		await form.getByRole('textbox', { name: en.insight_f_measure, exact: true }).fill(measure);
		await form.getByRole('textbox', { name: en.insight_f_unit, exact: true }).fill('%');
		await form.getByRole('textbox', { name: en.insight_f_baseline, exact: true }).fill('0');
		await form.getByRole('textbox', { name: en.insight_f_target, exact: true }).fill('15');
		await form.getByLabel(en.insight_f_target_date).fill('2027-12-31');
		await form.getByRole('textbox', { name: en.insight_f_evidence_expected, exact: true }).fill('Precios unitarios del portal, por trimestre');
		await arrive(officer, /^\/outcomes\//, () => form.getByRole('button', { name: en.insight_add_indicator }).click());
		await expectVisible(officer.getByRole('status').filter({ hasText: en.insight_indicator_added }));
		await arrive(officer, /^\/outcomes\/indicators\//, () => officer.getByRole('link', { name: measure }).click());
		indicatorPath = new URL(officer.url()).pathname;
	});

	it('the demo partner joins the grantee on the officer’s invitation', async () => {
		await visit(officer, `${orgPath}/members`);
		await officer.getByRole('textbox', { name: en.field_email }).fill(demo('partner'));
		await arrive(officer, `${orgPath}/members`, () => officer.getByRole('button', { name: en.invite, exact: true }).click());
		const mail = await waitForMail(demo('partner'), GRANTEE);
		partner = await ownHubPage(hubs.current, own, { locale: 'es-ES' });
		await signIn(partner, demo('partner'), DEMO_PASSWORD);
		// The link points at this journey's own hub, not the shared one hubLink() knows.
		const link = mail.text.match(/\/invitations\/[\w-]+/)?.[0];
		expect(link, mail.text).toBeDefined();
		await visit(partner, link!);
		await arrive(partner, orgPath, () => partner.getByRole('button', { name: es.invitation_accept }).click());
	});

	it('the partner reports a value in Spanish with an evidence link', async () => {
		await visit(partner, indicatorPath);
		const form = partner.locator('form[action="?/report"]');
		await form.getByRole('textbox', { name: es.insight_f_value, exact: true }).fill('6');
		await form.getByLabel(es.insight_f_observed_on).fill('2026-11-15');
		await form.getByRole('textbox', { name: es.insight_f_evidence_links, exact: true }).fill(EVIDENCE);
		await arrive(partner, indicatorPath, () => form.getByRole('button', { name: es.insight_report_actual }).click());
		await expectVisible(partner.getByRole('status').filter({ hasText: es.insight_actual_added }));
		await expectVisible(partner.getByRole('link', { name: EVIDENCE }));
		expect(await partner.locator('form[action="?/review"]').count()).toBe(0);
	});

	it('before the review, /insight shows no savings outcome on track', async () => {
		await visit(officer, '/insight');
		expect(await savingsCell(officer, en.insight_status_on_track)).toBe('0');
		expect(await savingsCell(officer, en.insight_status_too_early)).toBe('1');
	});

	it('the officer reviews it as on track with a note, kept in its history', async () => {
		await visit(officer, indicatorPath);
		await expectVisible(officer.getByRole('link', { name: EVIDENCE }));
		const review = officer.locator('form[action="?/review"]').first();
		await review.getByRole('combobox', { name: en.insight_col_status }).selectOption('on_track');
		await review.getByRole('textbox', { name: en.insight_f_review_note, exact: true }).fill('Unit prices checked against the portal');
		await arrive(officer, indicatorPath, () => review.getByRole('button', { name: en.insight_save_review }).click());
		await expectVisible(officer.getByRole('status').filter({ hasText: en.insight_review_added }));
		await expectVisible(officer.getByText('Unit prices checked against the portal'));
	});

	it('/insight, opened again, counts it under savings, on track; the table downloads as XLSX with the same row', async () => {
		await openNavGroup(officer, en.nav_group_staff);
		await arrive(officer, '/insight', () => officer.getByRole('navigation').getByRole('link', { name: en.insight_nav, exact: true }).first().click());
		const table = officer.getByRole('table', { name: en.insight_t_outcomes });
		const header = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim());
		const onTrack = header.indexOf(en.insight_status_on_track);
		expect(onTrack).toBeGreaterThan(0);
		// As seeded, the demo's one savings outcome is "too early"; the review just made adds one on track.
		const row = table.getByRole('row').filter({ has: officer.getByRole('rowheader', { name: en.insight_area_savings, exact: true }) });
		const cells = (await row.locator('th, td').allInnerTexts()).map((t) => t.trim());
		expect(cells[onTrack]).toBe('1');
		expect(cells[header.indexOf(en.insight_status_too_early)]).toBe('1');

		const download = officer.waitForEvent('download');
		await officer.getByRole('link', { name: fmt(en.insight_export_xlsx, { table: en.insight_t_outcomes }) }).click();
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await readFile(await (await download).path())) as unknown as ArrayBuffer);
		const sheet = book.worksheets[0];
		const head = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(head).toEqual(header);
		const rows: unknown[][] = [];
		sheet.eachRow((r, n) => n > 1 && rows.push((r.values as unknown[]).slice(1)));
		const savings = rows.find((r) => r[0] === en.insight_area_savings);
		expect(savings?.[onTrack]).toBe(1);
		expect(savings?.map(String)).toEqual(cells);
	});
});
