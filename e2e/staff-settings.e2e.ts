// Staff pages that set a programme up: event series and terms, a new FAQ entry, and a call's
// decision-time target. Each opens accessibly, and bad input is answered with a message on the
// page (a 4xx), not an error page.
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, expectVisible, heading, signIn, useHub, visit } from './helpers.ts';

const hubs = useHub();

async function refusedOnPage(page: Page, path: string, button: string) {
	await arrive(page, path, () => page.getByRole('button', { name: button, exact: true }).first().click());
	await expectVisible(page.locator('.field-error').first(), `a message on ${path}`);
}

describe('programme staff set things up', () => {
	let officer: Page;

	it('event series and terms open; a series without a title is refused with a message', async () => {
		officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		await visit(officer, '/events/manage/terms');
		await expectVisible(heading(officer, en.event_terms_title));
		await visit(officer, '/events/manage/series');
		await refusedOnPage(officer, '/events/manage/series', en.create);
	});

	it('a new FAQ entry with nothing filled in is refused with messages', async () => {
		await visit(officer, '/faq/new');
		await refusedOnPage(officer, '/faq/new', en.toolkit_create);
	});

	it('a call’s decision target refuses an impossible number of days', async () => {
		await visit(officer, '/grants');
		await arrive(officer, /^\/grants\/calls\/[0-9a-f-]{36}$/, () => officer.getByRole('link', { name: 'Rapid-response mini-grants' }).first().click());
		const path = new URL(officer.url()).pathname;
		await officer.getByRole('spinbutton', { name: en.grant_target_days }).evaluate((el) => el.removeAttribute('max'));
		await officer.getByRole('spinbutton', { name: en.grant_target_days }).fill('999');
		await refusedOnPage(officer, path, en.save);
	});
});
