// A full learning circle: programme staff publish a circle with one place, the first guest gets
// it, the second joins the waitlist; when the first cancels through their personal link, the
// second is promoted at once and told by mail, with the calendar file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, DEMO_PASSWORD, demo, en, es, expectVisible, heading, hubLink, mailDir, signIn, uniqueWord, useHub, visit, waitForMail } from './helpers.ts';

const hubs = useHub();

/** Registers as a guest; the page says only that a mail is on its way, so the place is opened from that mail. */
async function register(page: Page, eventPath: string, t: typeof en, name: string, email: string, subject: string) {
	await visit(page, eventPath);
	await page.getByRole('textbox', { name: t.field_name }).fill(name);
	await page.getByRole('textbox', { name: t.field_email }).fill(email);
	await page.getByRole('checkbox', { name: t.event_consent_label }).check();
	await arrive(page, eventPath, () => page.getByRole('button', { name: t.event_register, exact: true }).click());
	await expectVisible(page.getByRole('status').getByText(t.event_registration_received));
	await visit(page, new URL(hubLink(await waitForMail(email, subject), '/events/registrations/')).pathname);
}

describe('a full learning circle waitlists and then promotes', () => {
	const title = `Learning circle ${uniqueWord('')}`;
	const first = { name: `First ${uniqueWord('')}`, email: `first-${uniqueWord('')}@example.org` };
	const second = { name: `Segunda ${uniqueWord('')}`, email: `segunda-${uniqueWord('')}@example.org` };
	let officer: Page;
	let eventId = '';

	it('programme staff publish a learning circle with one place', async () => {
		officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		await visit(officer, '/events/manage');
		await arrive(officer, '/events/manage/new', () => officer.getByRole('link', { name: en.event_new }).click());
		await officer.getByRole('textbox', { name: en.event_field_title }).fill(title);
		await officer.getByRole('combobox', { name: en.event_field_format }).selectOption({ label: 'Learning circle' });
		await officer.getByRole('combobox', { name: en.event_field_level }).selectOption({ label: 'Foundations' });
		await officer.getByRole('group', { name: en.event_topics }).getByRole('checkbox', { name: 'Coalition building' }).check();
		const languages = officer.getByRole('group', { name: en.event_field_languages });
		await languages.getByRole('checkbox', { name: 'English', exact: true }).check();
		await languages.getByRole('checkbox', { name: 'Spanish', exact: true }).check();
		await officer.getByLabel(en.event_field_starts).fill('2031-03-20T09:30');
		await officer.getByLabel(en.event_field_ends).fill('2031-03-20T11:00');
		await officer.getByRole('combobox', { name: en.field_time_zone }).selectOption('America/Bogota');
		await officer.getByRole('spinbutton', { name: en.event_field_capacity }).fill('1');
		await officer.getByRole('textbox', { name: en.event_field_meeting_url }).fill('https://meet.example.org/circle-room');
		await officer.getByRole('combobox', { name: en.event_field_status }).selectOption('published');
		await arrive(officer, /^\/events\/manage\/[0-9a-f-]{36}$/, () => officer.getByRole('button', { name: en.create, exact: true }).click());
		eventId = new URL(officer.url()).pathname.split('/')[3];
		await expectVisible(heading(officer, title));
	});

	it('the first guest is confirmed, the second (in Spanish) joins the waitlist', async () => {
		const a = await hubs.current.newPage();
		await register(a, `/events/${eventId}`, en, first.name, first.email, 'Your place is confirmed');
		await expectVisible(a.getByText(en.event_your_status.replace('{status}', en.event_reg_confirmed)));
		const b = await hubs.current.newPage({ locale: 'es-ES' });
		await visit(b, `/events/${eventId}`);
		await expectVisible(b.getByText(es.event_full_waitlist));
		await register(b, `/events/${eventId}`, es, second.name, second.email, 'Está en la lista de espera');
		await expectVisible(b.getByText(es.event_your_status.replace('{status}', es.event_reg_waitlisted)));
		expect(await b.content()).not.toContain('circle-room');
		const mail = await waitForMail(second.email, 'Está en la lista de espera');
		expect(mail.text).not.toContain('circle-room');
	});

	it('the first cancels through their personal link; the second is promoted and told by mail with a calendar file', async () => {
		const a = await hubs.current.newPage();
		const confirmation = await waitForMail(first.email, 'Your place is confirmed');
		await visit(a, new URL(hubLink(confirmation, '/events/registrations/')).pathname);
		await arrive(a, /^\/events\/registrations\//, () => a.getByRole('button', { name: en.event_cancel_registration }).click());
		await expectVisible(a.getByText(en.event_cancel_done));

		const promoted = await waitForMail(second.email, 'Tiene una plaza');
		const parsed = await PostalMime.parse(readFileSync(join(mailDir, promoted.file)));
		expect(parsed.attachments.map((x) => x.filename)).toContain('event.ics');
		const b = await hubs.current.newPage({ locale: 'es-ES' });
		await visit(b, new URL(hubLink(promoted, '/events/registrations/')).pathname);
		await expectVisible(b.getByText(es.event_your_status.replace('{status}', es.event_reg_confirmed)));
		await expectVisible(b.getByRole('link', { name: /circle-room/ }));
	});

	it('staff see the list with the first cancelled and the second confirmed', async () => {
		await visit(officer, `/events/manage/${eventId}`);
		const rows = officer.getByRole('table', { name: en.event_registrations_title });
		await expectVisible(rows.getByRole('row').filter({ hasText: first.name }).getByText(en.event_reg_cancelled));
		await expectVisible(rows.getByRole('row').filter({ hasText: second.name }).getByText(en.event_reg_confirmed));
	});
});
