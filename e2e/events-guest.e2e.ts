// A guest registers for a community call in French: the page is in French, times are shown in
// New York time and in theirs, the meeting link stays off public pages, the confirmation mail
// carries a calendar file with the join link, and the personal link opens only that registration.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import PostalMime from 'postal-mime';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, baseURL, expectVisible, fr, heading, hubLink, mailDir, uniqueWord, useHub, visit, waitForMail } from './helpers.ts';

const hubs = useHub();
const CALL = 'Community call: what should the hub do next?';

describe('a guest registers for a community call in French', () => {
	const email = `invitee-${uniqueWord('')}@example.org`;
	const name = `Aïcha ${uniqueWord('')}`;
	let page: Page;
	let eventPath = '';
	let managePath = '';

	it('the catalogue is in French and shows the call at 10:30 New York time beside the reader’s time', async () => {
		page = await hubs.current.newPage({ locale: 'fr-FR' });
		await visit(page, '/events?tz=Europe/Paris');
		await expectVisible(heading(page, fr.event_catalogue_title));
		const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: CALL }) });
		await expectVisible(item.getByText(/10:30.*New York/), 'the organiser’s time');
		await expectVisible(item.getByText(/votre heure/), 'the reader’s time');
		await arrive(page, /^\/events\/[0-9a-f-]{36}$/, () => page.getByRole('link', { name: CALL }).click());
		eventPath = new URL(page.url()).pathname;
		await expectVisible(heading(page, CALL));
		expect(await page.content()).not.toContain('meet.example.org');
	});

	it('an empty form is refused with a message per field, in French', async () => {
		await arrive(page, eventPath, () => page.getByRole('button', { name: fr.event_register, exact: true }).click());
		await expectVisible(page.getByText(fr.v_required).first());
		await expectVisible(page.getByText(fr.event_v_consent));
	});

	it('with name, e-mail, organisation, country and consent, the place is confirmed', async () => {
		await page.getByRole('textbox', { name: fr.field_name }).fill(name);
		await page.getByRole('textbox', { name: fr.field_email }).fill(email);
		await page.getByRole('textbox', { name: fr.event_field_organisation }).fill('Collectif Transparence');
		await page.getByRole('combobox', { name: fr.field_country }).fill('Sénégal');
		await page.getByRole('checkbox', { name: fr.event_consent_label }).check();
		// The answer does not show the place: it would differ for an address already registered.
		await arrive(page, eventPath, () => page.getByRole('button', { name: fr.event_register, exact: true }).click());
		await expectVisible(page.getByRole('status').getByText(fr.event_registration_received));
		expect(await page.content()).not.toContain('/events/registrations/');
	});

	it('the confirmation mail is in French, links to the registration and carries a calendar file with the join link', async () => {
		const mail = await waitForMail(email, 'Votre place est confirmée');
		expect(mail.text).toContain(name);
		managePath = new URL(hubLink(mail, '/events/registrations/')).pathname;
		await visit(page, managePath);
		await expectVisible(page.getByText(fr.event_your_status.replace('{status}', fr.event_reg_confirmed)));
		await expectVisible(page.getByRole('link', { name: /meet\.example\.org/ }), 'the join link for the confirmed person');
		const parsed = await PostalMime.parse(readFileSync(join(mailDir, mail.file)));
		const ics = parsed.attachments.find((a) => a.filename === 'event.ics');
		expect(ics, 'a calendar file attached').toBeTruthy();
		const text = typeof ics!.content === 'string' ? ics!.content : new TextDecoder().decode(ics!.content as ArrayBuffer);
		const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
		expect(vevent.getFirstPropertyValue('summary')).toBe(CALL);
		expect(String(vevent.getFirstPropertyValue('location'))).toContain('meet.example.org');
		expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
	});

	it('registering again with the same address answers as the first time; she gets her own link by mail, not a second place', async () => {
		await visit(page, eventPath);
		await page.getByRole('textbox', { name: fr.field_name }).fill('Quelqu’un d’autre');
		await page.getByRole('textbox', { name: fr.field_email }).fill(email.toUpperCase());
		await page.getByRole('checkbox', { name: fr.event_consent_label }).check();
		await arrive(page, eventPath, () => page.getByRole('button', { name: fr.event_register, exact: true }).click());
		await expectVisible(page.getByRole('status').getByText(fr.event_registration_received));
		const mail = await waitForMail(email, fr.event_mail_registered_again_subject.split('{')[0].trim());
		expect(mail.text).toContain(name);
		expect(new URL(hubLink(mail, '/events/registrations/')).pathname).toBe(managePath);
	});

	it('“send my link again” answers the same for her address and an unknown one, and mails her the same personal link', async () => {
		const again = page.getByRole('textbox', { name: fr.event_link_again_email });
		await again.fill(email.toUpperCase());
		await arrive(page, eventPath, () => page.getByRole('button', { name: fr.event_link_again_button }).click());
		await expectVisible(page.getByText(fr.event_link_again_done));
		const mail = await waitForMail(email, fr.event_mail_link_again_subject.split('{')[0].trim());
		expect(new URL(hubLink(mail, '/events/registrations/')).pathname).toBe(managePath);
		await page.getByRole('textbox', { name: fr.event_link_again_email }).fill(`nobody-${uniqueWord('')}@example.org`);
		await arrive(page, eventPath, () => page.getByRole('button', { name: fr.event_link_again_button }).click());
		await expectVisible(page.getByText(fr.event_link_again_done));
	});

	it('the personal link opens only this registration; the public feed has no links or attendees', async () => {
		await visit(page, managePath);
		const forged = managePath.slice(0, -4) + (managePath.endsWith('AAAA') ? 'BBBB' : 'AAAA');
		await visit(page, forged, 404);
		const feed = await page.request.get(`${baseURL}/events/calendar.ics`);
		expect(feed.headers()['content-type']).toContain('text/calendar');
		const body = await feed.text();
		expect(body).toContain(CALL);
		expect(body).not.toContain('meet.example.org');
		expect(body).not.toContain(email);
		const own = await page.request.get(`${baseURL}${managePath}/calendar.ics`);
		expect(await own.text()).toContain('meet.example.org');
	});
});
