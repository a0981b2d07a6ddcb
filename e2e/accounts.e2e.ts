// Account journeys: choosing the language, resetting a forgotten password, two-step
// verification, and an administrator managing users and reading the outbox.
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	arrive,
	demo,
	DEMO_PASSWORD,
	en,
	es,
	expectAccessible,
	expectVisible,
	fr,
	heading,
	hubLink,
	openNavGroup,
	useHub,
	newPerson,
	pageMessages,
	signIn,
	signOut,
	signUpAndVerify,
	visit,
	waitForMail,
	type Messages
} from './helpers.ts';

const hubs = useHub();

/** Chooses a language with the header's selector; `t` is the language the page is in now. */
async function chooseLanguage(page: Page, t: Messages, locale: 'en' | 'es' | 'fr', path: string) {
	const banner = page.getByRole('banner');
	await banner.getByRole('combobox', { name: t.language }).selectOption(locale);
	await arrive(page, path, () => banner.getByRole('button', { name: t.language_change }).click());
	expect(await page.locator('html').getAttribute('lang')).toBe(locale);
}

describe('language', () => {
	it('the header selector switches the whole page to Español, then to Français, and the choice sticks', async () => {
		const page = await hubs.current.newPage();
		await visit(page, '/sign-in');
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		await expectVisible(heading(page, en.sign_in_title));

		await chooseLanguage(page, en, 'es', '/sign-in');
		await expectVisible(heading(page, es.sign_in_title));
		await expectVisible(page.getByRole('banner').getByRole('link', { name: es.sign_in, exact: true }));
		await expectVisible(page.getByRole('textbox', { name: es.field_email }));

		await chooseLanguage(page, es, 'fr', '/sign-in');
		await expectVisible(heading(page, fr.sign_in_title));
		await expectVisible(page.getByRole('button', { name: fr.language_change }));

		// Another page, loaded afresh, is still in French.
		await visit(page, '/forgot-password');
		expect(await page.locator('html').getAttribute('lang')).toBe('fr');
		await expectVisible(heading(page, fr.forgot_password));
		await page.context().close();
	});

	it('after signing in, the whole page is in the account’s language, <html lang> included', async () => {
		// Farid Finance's account is in French; the browser asks for English.
		const page = await hubs.current.newPage();
		await signIn(page, demo('finance'), DEMO_PASSWORD);
		await expectVisible(heading(page, fr.home_work_title));
		expect(await page.locator('html').getAttribute('lang'), '<html lang> after sign-in').toBe('fr');
		await expectVisible(page.getByRole('banner').getByRole('button', { name: fr.language_change, exact: true }), 'the language button in French');
		await page.context().close();
	});
});

describe('password reset', () => {
	// Rafael Reviewer's account is in Spanish, so the mail and the signed-in pages are too.
	const email = demo('reviewer');
	const newPassword = 'a brand new reviewer passphrase';

	it('a reset link from the mail sets a new password that then signs in; the old one no longer does', async () => {
		const page = await hubs.current.newPage();
		await visit(page, '/sign-in');
		await arrive(page, '/forgot-password', () => page.getByRole('link', { name: en.forgot_password }).click());
		await page.getByRole('textbox', { name: en.field_email }).fill(email);
		await page.getByRole('button', { name: en.send_reset_link }).click();
		await expectVisible(page.getByRole('status').getByText(en.reset_sent));

		const mail = await waitForMail(email, es.mail_reset_subject);
		expect(mail.text).toContain('Rafael Reviewer');
		const link = hubLink(mail, '/api/auth/reset-password/');
		await page.goto(link);
		await arrive(page, '/reset-password');
		expect(new URL(page.url()).searchParams.get('token')).toBeTruthy();
		await expectVisible(heading(page, en.reset_title));
		await page.getByLabel(en.field_new_password).fill(newPassword);
		await arrive(page, '/sign-in', () => page.getByRole('button', { name: en.reset_submit }).click());
		await expectVisible(page.getByRole('status').getByText(en.reset_done));

		// The old password is refused…
		await page.getByRole('textbox', { name: en.field_email }).fill(email);
		await page.getByLabel(en.field_password).fill(DEMO_PASSWORD);
		await page.getByRole('main').getByRole('button', { name: en.sign_in, exact: true }).click();
		await expectVisible(page.getByRole('alert').getByText(en.auth_invalid_credentials));
		expect(new URL(page.url()).pathname).toBe('/sign-in');
		await expectAccessible(page);

		// …and the new one signs in, in the account's language.
		await signIn(page, email, newPassword);
		await expectVisible(heading(page, es.home_work_title));

		// The link works once.
		await signOut(page);
		await page.goto(link);
		await arrive(page, '/reset-password');
		const t = await pageMessages(page);
		await expectVisible(page.getByRole('alert').getByText(t.auth_link_expired));
		await page.context().close();
	});
});

describe('two-step verification', () => {
	const person = newPerson('twofactor');
	const codeFor = (secret: string) =>
		new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();

	it('a new account turns it on, and signing in afterwards asks for a code', async () => {
		const page = await hubs.current.newPage();
		await signUpAndVerify(page, person);

		await arrive(page, '/settings', () => page.getByRole('banner').getByRole('link', { name: person.name }).click());
		await arrive(page, '/settings/security', () => page.getByRole('link', { name: en.settings_security }).click());
		await expectVisible(page.getByText(en.two_factor_explain));
		await page.getByLabel(en.field_password).fill(person.password);
		await arrive(page, '/settings/security', () => page.getByRole('button', { name: en.two_factor_enable }).click());

		const secretBox = page.getByTestId('totp-secret');
		await expectVisible(secretBox, 'the TOTP secret');
		const secret = (await secretBox.textContent())!.trim();
		expect(secret).toMatch(/^[A-Z2-7]+=*$/);
		await expectVisible(page.getByRole('img', { name: en.two_factor_qr }));
		await page.getByRole('textbox', { name: en.field_code }).fill(codeFor(secret));
		await arrive(page, '/settings/security', () => page.getByRole('button', { name: en.verify }).click());
		await expectVisible(page.getByRole('status').getByText(en.two_factor_on));
		// Each code is accepted once: signing in needs the code of a later 30-second step.
		const enabledStep = Math.floor(Date.now() / 30_000);

		await signOut(page);
		await signIn(page, person.email, person.password, '/sign-in/two-factor');
		await expectVisible(heading(page, en.two_factor_title));

		// A wrong code is refused with the translated message.
		const fresh = codeFor(secret);
		await page.getByRole('textbox', { name: en.field_code }).fill(fresh === '000000' ? '111111' : '000000');
		await page.getByRole('button', { name: en.verify }).click();
		await expectVisible(page.getByText(en.auth_invalid_code));
		expect(new URL(page.url()).pathname).toBe('/sign-in/two-factor');
		await expectAccessible(page);

		while (Math.floor(Date.now() / 30_000) <= enabledStep) await page.waitForTimeout(500);
		await page.getByRole('textbox', { name: en.field_code }).fill(codeFor(secret));
		await arrive(page, '/', () => page.getByRole('button', { name: en.verify }).click());
		await expectVisible(heading(page, en.home_work_title));
		await expectVisible(page.getByRole('banner').getByRole('link', { name: person.name }));
		await page.context().close();
	}, 120_000);
});

describe('administration', () => {
	const person = newPerson('newcomer');

	it('the admin sees the sent mail in the outbox and changes a user’s role', async () => {
		// Someone signs up, which makes the hub send (and keep) a verification mail.
		const newcomer = await hubs.current.newPage();
		await signUpAndVerify(newcomer, person);
		await newcomer.context().close();

		const page = await hubs.current.newPage();
		await signIn(page, demo('admin'), DEMO_PASSWORD);
		await openNavGroup(page, en.nav_group_admin);
		await arrive(page, '/admin/outbox', () => page.getByRole('navigation', { name: en.nav_main }).getByRole('link', { name: en.nav_outbox }).click());
		await expectVisible(heading(page, en.nav_outbox));
		await expectVisible(page.getByText(en.outbox_explain));
		const mail = page.getByRole('listitem').filter({ hasText: person.email }).filter({ hasText: en.mail_verify_subject });
		await expectVisible(mail, 'the verification mail in the outbox');
		expect(await mail.first().textContent()).toContain('sent');

		await openNavGroup(page, en.nav_group_admin);
		await arrive(page, '/admin/users', () => page.getByRole('navigation', { name: en.nav_main }).getByRole('link', { name: en.nav_admin_users }).click());
		await expectVisible(heading(page, en.nav_admin_users));
		await page.getByRole('main').getByRole('search').getByRole('searchbox').fill(person.email);
		await arrive(page, /^\/admin\/users\?q=/, () => page.getByRole('main').getByRole('search').getByRole('button', { name: en.search }).click());
		const row = page.getByRole('row').filter({ hasText: person.email });
		await expect.poll(() => row.count()).toBe(1);
		const role = row.getByRole('combobox', { name: `${en.role} ${person.name}` });
		expect(await role.inputValue()).toBe('member');
		await role.selectOption('reviewer');
		await arrive(page, '/admin/users', () => row.getByRole('button', { name: `${en.save} ${person.name}` }).click());
		await expectVisible(page.getByRole('status').getByText(en.saved));

		// Read back from the server, not from the form that was just submitted.
		await visit(page, `/admin/users?q=${encodeURIComponent(person.email)}`);
		const saved = page.getByRole('row').filter({ hasText: person.email }).getByRole('combobox', { name: `${en.role} ${person.name}` });
		expect(await saved.inputValue()).toBe('reviewer');
		expect(await saved.locator('option:checked').textContent()).toBe(en.role_reviewer);
		await page.context().close();
	});
});
