// After a session: staff mark attendance, publish a summary with materials, set a survey; an
// attendee answers it through their personal link, anonymously; staff see the results, and the
// summary shows on the event page and in the catalogue.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, DEMO_PASSWORD, demo, en, expectVisible, heading, hubLink, signIn, uniqueWord, useHub, visit, waitForMail } from './helpers.ts';

const hubs = useHub();

describe('staff mark attendance, publish a summary, and attendees answer the survey', () => {
	const title = `Messaging clinic ${uniqueWord('')}`;
	const came = { name: `Came ${uniqueWord('')}`, email: `came-${uniqueWord('')}@example.org` };
	const missed = { name: `Missed ${uniqueWord('')}`, email: `missed-${uniqueWord('')}@example.org` };
	const summaryWord = uniqueWord('summary');
	let officer: Page;
	let eventId = '';

	it('staff publish a webinar and two guests register', async () => {
		officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		await visit(officer, '/events/manage/new');
		await officer.getByRole('textbox', { name: en.event_field_title }).fill(title);
		await officer.getByRole('combobox', { name: en.event_field_format }).selectOption({ label: 'Open webinar' });
		await officer.getByRole('group', { name: en.event_field_languages }).getByRole('checkbox', { name: 'English', exact: true }).check();
		await officer.getByLabel(en.event_field_starts).fill('2031-05-06T10:00');
		await officer.getByLabel(en.event_field_ends).fill('2031-05-06T11:00');
		await officer.getByRole('combobox', { name: en.field_time_zone }).selectOption('Europe/Paris');
		await officer.getByRole('combobox', { name: en.event_field_status }).selectOption('published');
		await arrive(officer, /^\/events\/manage\/[0-9a-f-]{36}$/, () => officer.getByRole('button', { name: en.create, exact: true }).click());
		eventId = new URL(officer.url()).pathname.split('/')[3];
		for (const p of [came, missed]) {
			const page = await hubs.current.newPage();
			await visit(page, `/events/${eventId}`);
			await page.getByRole('textbox', { name: en.field_name }).fill(p.name);
			await page.getByRole('textbox', { name: en.field_email }).fill(p.email);
			await page.getByRole('checkbox', { name: en.event_consent_label }).check();
			await arrive(page, `/events/${eventId}`, () => page.getByRole('button', { name: en.event_register, exact: true }).click());
		}
	});

	it('after the session (its time corrected to when it really took place) staff mark who attended', async () => {
		await visit(officer, `/events/manage/${eventId}`);
		// The journey cannot wait for a real session to end, so staff record that it took place yesterday.
		const y = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
		const edit = officer.getByRole('region', { name: en.event_edit });
		await edit.getByLabel(en.event_field_starts).fill(`${y}T10:00`);
		await edit.getByLabel(en.event_field_ends).fill(`${y}T11:00`);
		await arrive(officer, `/events/manage/${eventId}`, () => edit.getByRole('button', { name: en.save, exact: true }).click());
		await expectVisible(officer.getByText(en.saved));
		const attendance = officer.getByRole('group', { name: en.event_attendance_legend });
		await attendance.getByRole('checkbox', { name: came.name }).check();
		await arrive(officer, `/events/manage/${eventId}`, () => officer.getByRole('button', { name: en.event_attendance_save }).click());
		await expectVisible(officer.getByText(en.event_attendance_saved.replace('{count}', '1')));
	});

	it('staff publish a summary with materials and set an anonymous survey', async () => {
		const summary = officer.getByRole('region', { name: en.event_summary });
		await summary.getByRole('textbox', { name: en.event_summary_body }).fill(`We drafted messages per audience (${summaryWord}).`);
		await summary.getByRole('textbox', { name: en.event_materials }).fill('not a link');
		await arrive(officer, `/events/manage/${eventId}`, () => summary.getByRole('button', { name: en.event_publish_summary }).click());
		await expectVisible(officer.getByText(en.event_v_material_line.replace('{line}', '1').split(':')[0]));
		const again = officer.getByRole('region', { name: en.event_summary });
		await again.getByRole('textbox', { name: en.event_materials }).fill('Message house template https://example.org/message-house.pdf');
		await arrive(officer, `/events/manage/${eventId}`, () => again.getByRole('button', { name: en.event_publish_summary }).click());
		await expectVisible(officer.getByText(en.event_summary_published.replace('{version}', '1')));
		const survey = officer.getByRole('region', { name: en.event_survey_title });
		await survey.getByRole('textbox', { name: en.event_survey_questions }).fill('What will you use first?');
		await arrive(officer, `/events/manage/${eventId}`, () => survey.getByRole('button', { name: en.event_save_survey }).click());
		await expectVisible(officer.getByText(en.event_survey_saved));
	});

	it('the summary shows on the event page and in the past sessions of the catalogue', async () => {
		const page = await hubs.current.newPage();
		await visit(page, `/events/${eventId}`);
		await expectVisible(page.getByRole('region', { name: en.event_summary }).getByText(summaryWord, { exact: false }));
		await expectVisible(page.getByRole('link', { name: 'Message house template' }));
		await visit(page, '/events?past=1');
		await expectVisible(page.getByRole('listitem').filter({ hasText: title }).getByText(summaryWord, { exact: false }));
	});

	it('the attendee answers the survey once through their personal link; the absent person gets no survey', async () => {
		const page = await hubs.current.newPage();
		const link = new URL(hubLink(await waitForMail(came.email, 'Your place is confirmed'), '/events/registrations/')).pathname;
		await visit(page, link);
		await expectVisible(heading(page, en.event_feedback_title));
		await page.getByRole('radio', { name: en.event_rating_value.replace('{value}', '4') }).check();
		await page.getByRole('textbox', { name: 'What will you use first?' }).fill('The message house');
		await arrive(page, link, () => page.getByRole('button', { name: en.event_send_feedback }).click());
		await expectVisible(page.getByText(en.event_feedback_thanks));
		await visit(page, link);
		await expectVisible(page.getByText(en.event_feedback_already));
		const other = await hubs.current.newPage();
		await visit(other, new URL(hubLink(await waitForMail(missed.email, 'Your place is confirmed'), '/events/registrations/')).pathname);
		expect(await other.getByRole('heading', { name: en.event_feedback_title }).count()).toBe(0);
	});

	it('staff see the anonymous answer in the results, and the ratings by format', async () => {
		await visit(officer, `/events/manage/${eventId}`);
		await expectVisible(officer.getByText(en.event_results_line.replace('{responses}', '1').replace('{mean}', '4')));
		await expectVisible(officer.getByText('The message house'));
		expect(await officer.getByText(`The message house — ${came.name}`).count()).toBe(0);
		await visit(officer, '/events/manage/feedback');
		await expectVisible(officer.getByRole('row', { name: /Open webinar/ }));
	});
});
