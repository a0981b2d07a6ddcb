// The demo partner (Spanish) registered for a webinar that staff then moved: her mail has the new
// time and a calendar file with a higher SEQUENCE than her confirmation's; the header counts the
// unread notice, the centre links to the event and marks it read, and she chooses a daily digest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, es, expectAccessible, expectVisible, heading, mailDir, signIn, useHub, visit, waitForMail } from './helpers.ts';

const hubs = useHub();
const TITLE = 'Planification tactique de campagne';

async function sequenceIn(file: string): Promise<number> {
	const parsed = await PostalMime.parse(readFileSync(join(mailDir, file)));
	const ics = parsed.attachments.find((a) => a.filename === 'event.ics');
	expect(ics, 'a calendar file attached').toBeTruthy();
	const text = typeof ics!.content === 'string' ? ics!.content : new TextDecoder().decode(ics!.content as ArrayBuffer);
	return Number(/SEQUENCE:(\d+)/.exec(text)?.[1] ?? -1);
}

describe('a registrant hears that an event moved', () => {
	let page: Page;

	it('her mail has the new time and a calendar file whose SEQUENCE is higher than the confirmation’s', async () => {
		const confirmed = await waitForMail(demo('partner'), `Su plaza está confirmada: ${TITLE}`);
		const moved = await waitForMail(demo('partner'), `Nuevo horario: ${TITLE}`);
		expect(moved.text).toMatch(/11:30/);
		const before = await sequenceIn(confirmed.file);
		expect(before).toBe(0);
		expect(await sequenceIn(moved.file)).toBeGreaterThan(before);
	});

	it('the header counts the unread notice; the centre opens the event and marks it read', async () => {
		page = await hubs.current.newPage({ locale: 'es-ES' });
		await signIn(page, demo('partner'), DEMO_PASSWORD, /.*/);
		await visit(page, '/notifications');
		await expectVisible(heading(page, es.notifications_page_title));
		const link = page.getByRole('banner').getByRole('link', { name: new RegExp(`^${es.notifications_nav}\\s*\\d+\\s*${es.notifications_unread_suffix}$`) });
		await expectVisible(link, 'the unread count in the header');
		const unread = Number((await link.first().textContent())?.match(/\d+/)?.[0]);
		await expectAccessible(page);
		await arrive(page, /^\/events\/[0-9a-f-]{36}$/, () => page.getByRole('button', { name: es.notifications_title_event_changed, exact: true }).first().click());
		await expectVisible(heading(page, TITLE));
		// Opening the notice marks it read: the header counts one fewer (the demo seed leaves the partner others).
		const after = unread > 1 ? new RegExp(`^${es.notifications_nav}\\s*${unread - 1}\\s*${es.notifications_unread_suffix}$`) : es.notifications_nav;
		await expectVisible(page.getByRole('banner').getByRole('link', { name: after, exact: true }), 'one unread notice fewer in the header');
	});

	it('she chooses a daily digest for event changes; the page says it is saved', async () => {
		await visit(page, '/settings/notifications');
		await expectVisible(heading(page, es.notifications_prefs_title));
		await expectAccessible(page);
		const group = page.getByRole('group', { name: es.notifications_cat_event_changed });
		await group.getByRole('radio', { name: es.notifications_mode_daily }).check();
		await arrive(page, '/settings/notifications', () => page.getByRole('button', { name: es.notifications_prefs_save }).click());
		await expectVisible(page.getByRole('status').getByText(es.notifications_prefs_saved));
		expect(await page.getByRole('group', { name: es.notifications_cat_event_changed }).getByRole('radio', { name: es.notifications_mode_daily }).isChecked()).toBe(true);
	});
});
