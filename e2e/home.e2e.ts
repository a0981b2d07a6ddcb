// Each demo person signs in and lands on their home, which lists their own work; every link on it
// opens (the item, or the list it belongs to). Checked with axe at desktop and phone widths, and
// without sideways scrolling on the phone. A visitor reads the offer in French without script.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, es, expectAccessible, expectVisible, fr, heading, pageMessages, signIn, uniqueWord, useHub, visit, waitForMail, type Messages } from './helpers.ts';
import { ownHubPage, startOwnHub, stopOwnHub, type OwnHub } from './own-hub.ts';

const hubs = useHub();

// Each role's home is read on a hub of its own, with the demo exactly as seeded: on the shared hub
// other journeys decide the gated request, submit the outside assessment and change the demo
// reviewer's password.
let own: OwnHub;
beforeAll(async () => {
	own = await startOwnHub('home', { STAFF_TWO_FACTOR_ROLES: 'none', SIGN_IN_ATTEMPTS_PER_MINUTE: '1000' });
}, 150_000);
afterAll(() => stopOwnHub(own));

/** Every hub link in the page's main part answers 200 for this person. */
async function everyLinkOpens(page: Page) {
	const hrefs = await page.getByRole('main').locator('a[href^="/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
	expect(hrefs.length, 'links on the home').toBeGreaterThan(0);
	for (const href of hrefs) expect((await page.request.get(href)).status(), href).toBe(200);
	return hrefs;
}

/** axe at 1280 and 375 px, and no sideways scroll on the phone: what every journey page gets (expectAccessible). */
async function atBothWidths(page: Page) {
	await expectAccessible(page);
}

async function home(who: Parameters<typeof demo>[0]) {
	const page = await ownHubPage(hubs.current, own);
	await signIn(page, demo(who), DEMO_PASSWORD, '/');
	const t = await pageMessages(page);
	await expectVisible(heading(page, t.home_work_title));
	return { page, t };
}

const section = (page: Page, title: string) => page.getByRole('region', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

describe('each person lands on their home and sees what needs them', () => {
	it('the officer: applications by decision clock, requests, the safety gate, clinics, approvals, reports and their events', async () => {
		const { page, t } = await home('officer');
		await expectVisible(section(page, t.home_officer_applications).getByRole('link', { name: 'Ward offices publish procurement plans by March' }));
		await expectVisible(section(page, t.home_officer_gate).getByText('Civic Voices Network'), 'staff see the sensitive partner by name');
		await expectVisible(section(page, t.home_officer_registrations).getByRole('link', { name: 'Messages that move decision-makers' }));
		await expectVisible(section(page, t.home_officer_reports).getByText('Paraguay Compras Abiertas'));
		await expectVisible(section(page, t.home_officer_clinics).getByRole('link'));
		await expectVisible(section(page, t.home_officer_events).getByRole('link').first());
		await atBothWidths(page);
		const hrefs = await everyLinkOpens(page);
		expect(hrefs.some((h) => /^\/grants\/applications\/[0-9a-f-]{36}$/.test(h))).toBe(true);
		expect(hrefs.some((h) => /^\/requests\/[0-9a-f-]{36}\/safety-plan$/.test(h))).toBe(true);
		expect(hrefs.some((h) => /^\/events\/manage\/[0-9a-f-]{36}$/.test(h))).toBe(true);
		await page.context().close();
	});

	it('the partner (in Spanish): her organisation with the next step of each item, her strategy, her events and the open calls', async () => {
		const { page, t } = await home('partner');
		await expectVisible(heading(page, 'Transparencia Ciudadana'));
		await expectVisible(page.getByText(t.home_next_submit_request), 'the draft request’s next step');
		await expectVisible(section(page, t.home_partner_calls).getByRole('link', { name: 'Minisubvenciones de respuesta rápida' }));
		await expectVisible(section(page, t.home_partner_events).getByRole('link', { name: 'Planification tactique de campagne' }));
		expect(await page.getByRole('main').textContent()).not.toContain('Observatoire des Marchés Publics');
		await atBothWidths(page);
		await everyLinkOpens(page);
		await page.context().close();
	});

	it('the member (in French): his registration waits for approval', async () => {
		const { page, t } = await home('member');
		await expectVisible(heading(page, 'Observatoire des Marchés Publics'));
		await expectVisible(section(page, t.home_partner_events).getByText(t.event_reg_pending));
		await atBothWidths(page);
		await everyLinkOpens(page);
		await page.context().close();
	});

	it('the reviewer (in Spanish) and the external reviewer: what they submitted and what waits; the outsider never reads the sensitive name', async () => {
		const { page: reviewer, t } = await home('reviewer');
		await expectVisible(section(reviewer, t.home_reviewer_recent).getByRole('link').first());
		await atBothWidths(reviewer);
		await everyLinkOpens(reviewer);
		await reviewer.context().close();

		const { page: external, t: te } = await home('external');
		const waiting = section(external, te.home_reviewer_requests);
		await expectVisible(waiting.getByRole('link', { name: /protected channel/ }));
		await expectVisible(waiting.getByText(/SH-[A-Z0-9]{6}/), 'the sensitive partner by its reference');
		expect(await external.getByRole('main').textContent()).not.toContain('Civic Voices Network');
		await atBothWidths(external);
		const hrefs = await everyLinkOpens(external);
		expect(hrefs.some((h) => /^\/requests\/[0-9a-f-]{36}\/assess$/.test(h))).toBe(true);
		await external.context().close();
	});

	it('finance (in French): a payment planned this month and one paid this month', async () => {
		const { page, t } = await home('finance');
		await expectVisible(section(page, t.home_finance_due).getByText('Paraguay Compras Abiertas'));
		await expectVisible(section(page, t.home_finance_paid).getByText('Paraguay Compras Abiertas'));
		await atBothWidths(page);
		await everyLinkOpens(page);
		await page.context().close();
	});

	it('an admin lands on the same work as an officer', async () => {
		const { page, t } = await home('admin');
		await expectVisible(section(page, t.home_officer_applications));
		await page.context().close();
	});
});

describe('the visitor’s front door', () => {
	it('presents the offer in French without script: training, toolkit, grants, intensive support and the register', async () => {
		const page = await hubs.current.newPage({ javaScriptEnabled: false, locale: 'fr-FR' });
		await visit(page, '/');
		const t: Messages = await pageMessages(page);
		expect(t).toBe(fr);
		await expectVisible(heading(page, fr.home_title));
		for (const title of [fr.home_visitor_training, fr.home_visitor_toolkit, fr.home_visitor_grants, fr.home_visitor_intensive, fr.grant_register]) await expectVisible(heading(page, title));
		await expectVisible(page.getByText(fr.toolkit_step4_title));
		expect(await page.getByRole('region', { name: fr.home_visitor_intensive }).getByRole('listitem').count(), 'the eleven criteria').toBe(11);
		await expectVisible(page.getByRole('region', { name: fr.home_visitor_grants }).getByRole('link', { name: 'Mini-subventions de réponse rapide' }));
		expect(await page.getByRole('main').textContent()).not.toContain('Civic Voices Network');
		await atBothWidths(page);
		await everyLinkOpens(page);
		await page.context().close();
	});
});

describe('get in touch', () => {
	it('a visitor writes without an account; an officer finds it on the home, answers by mail and closes it', async () => {
		const word = uniqueWord('contact');
		const visitor = await hubs.current.newPage({ javaScriptEnabled: false, locale: 'es-ES' });
		await visit(visitor, '/');
		await arrive(visitor, '/contact', () => visitor.getByRole('link', { name: es.home_visitor_contact_link }).click());
		await expectVisible(heading(visitor, es.contact_title));
		await visitor.getByRole('combobox', { name: es.contact_topic }).selectOption('training');
		await visitor.getByRole('textbox', { name: es.contact_message }).fill(`Más círculos en español, por favor (${word}).`);
		await visitor.getByRole('textbox', { name: es.contact_email }).fill(`${word}@example.org`);
		await arrive(visitor, '/contact', () => visitor.getByRole('button', { name: es.contact_send }).click());
		await expectVisible(visitor.getByRole('status').getByText(es.contact_sent));
		await atBothWidths(visitor);
		await visitor.context().close();

		const officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD, '/');
		await arrive(officer, /^\/inbox\/[0-9a-f-]{36}$/, () => section(officer, en.home_officer_messages).getByRole('link', { name: new RegExp(word) }).click());
		await officer.getByRole('textbox', { name: en.contact_answer }).fill('Abrimos un nuevo círculo en enero.');
		await arrive(officer, /^\/inbox\//, () => officer.getByRole('button', { name: en.contact_send_answer }).click());
		await expectVisible(officer.getByRole('status').getByText(en.contact_answered));
		const mail = await waitForMail(`${word}@example.org`, es.contact_answer_subject);
		expect(mail.text).toContain('Abrimos un nuevo círculo en enero.');
		await arrive(officer, /^\/inbox\//, () => officer.getByRole('button', { name: en.contact_close }).click());
		await expectVisible(officer.getByRole('status').getByText(en.contact_closed));
		const messagePath = new URL(officer.url()).pathname;
		expect(messagePath.startsWith('/inbox/')).toBe(true);
		await atBothWidths(officer);
		// The inbox list and the closed message opened again, at both widths.
		await visit(officer, '/inbox');
		await atBothWidths(officer);
		await visit(officer, messagePath);
		await atBothWidths(officer);
		await officer.context().close();
	}, 120_000);
});
