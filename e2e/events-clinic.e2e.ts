// A clinic asked for by a partner: a member finds the request form from the catalogue, an empty
// problem is refused with a message, the request is sent, and programme staff see it to schedule.
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, expectVisible, pageMessages, signIn, uniqueWord, useHub, visit } from './helpers.ts';

const hubs = useHub();

describe('a partner asks for a clinic', () => {
	const problem = `Our ministry refuses to publish contract amendments ${uniqueWord('')}`;

	it('a member reaches the form from the catalogue, is told what is missing, then sends the request', async () => {
		const page = await hubs.current.newPage();
		await signIn(page, demo('member'), DEMO_PASSWORD);
		await visit(page, '/events');
		const t = await pageMessages(page);
		await arrive(page, '/events/clinics/request', () => page.getByRole('link', { name: t.event_clinic_request_title }).click());
		await page.getByRole('button', { name: t.event_clinic_request_send }).click();
		await page.waitForLoadState('load');
		await expectVisible(page.locator('.field-error').first(), 'a message for the missing problem');
		await page.getByRole('textbox', { name: t.event_clinic_problem }).fill(problem);
		await arrive(page, '/events/clinics/request', () => page.getByRole('button', { name: t.event_clinic_request_send }).click());
		await expectVisible(page.getByRole('status').filter({ hasText: t.event_clinic_request_sent }));
		await visit(page, '/events/clinics/request');
	});

	it('programme staff see the request with a link to schedule it', async () => {
		const page = await hubs.current.newPage();
		await signIn(page, demo('officer'), DEMO_PASSWORD);
		await visit(page, '/events/manage/clinics');
		const row = page.getByRole('row').filter({ hasText: problem });
		await expectVisible(row);
		expect(await row.getByRole('link', { name: en.event_schedule_clinic }).getAttribute('href')).toMatch(/^\/events\/manage\/new\?clinic=/);
	});
});
