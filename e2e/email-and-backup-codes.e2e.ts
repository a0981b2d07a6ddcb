// Two ways a person keeps their account theirs. Changing the e-mail address: asked for at
// /settings/email, a link to the new address, a button on the page it opens, then signing in with
// the new address, and a notice at the old one. Backup codes: generated with two-step
// verification, one used to confirm who one is on /settings/confirm, and the same one refused
// the second time. New people on the shared hub, so nothing else is touched.
import { describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { arrive, en, expectVisible, fmt, heading, hubLink, newPerson, signIn, signOut, signUpAndVerify, uniqueWord, useHub, visit, waitForMail } from './helpers.ts';

const hubs = useHub();

/** The confirm page has one form per way of proving who one is; this is the backup-code one. */
const backupCodeForm = (page: Page) => page.locator('form', { has: page.getByRole('heading', { name: en.confirm_with_backup_code }) });

describe('changing one’s e-mail address', () => {
	it('a link goes to the new address, the button makes the change, the new address signs in and the old one was told', async () => {
		const page = await hubs.current.newPage();
		const person = newPerson('mover');
		const newEmail = `moved-${uniqueWord('')}@example.org`;
		await signUpAndVerify(page, person);

		await visit(page, '/settings/email');
		await expectVisible(heading(page, en.email_change_heading));
		await page.getByRole('textbox', { name: en.email_change_new }).fill(newEmail);
		await arrive(page, '/settings/email', () => page.getByRole('button', { name: en.email_change_button }).click());
		await expectVisible(page.getByRole('status').filter({ hasText: fmt(en.email_change_sent, { email: newEmail }) }));

		// The old address is told at once, naming the new one; nothing has changed yet.
		const notice = await waitForMail(person.email, en.email_change_mail_notice_subject);
		expect(notice.text).toContain(newEmail);
		const link = hubLink(await waitForMail(newEmail, en.email_change_mail_verify_subject), '/settings/email/verify');
		await visit(page, '/settings/email');
		await expectVisible(page.getByRole('main').getByText(person.email));

		// Opening the link changes nothing (mail scanners open links); the button does.
		await page.goto(link);
		await arrive(page, '/settings/email/verify');
		await expectVisible(heading(page, en.email_change_verify_heading));
		await arrive(page, '/settings/email/verify', () => page.getByRole('button', { name: en.email_change_verify_button }).click());
		await expectVisible(page.getByRole('status').filter({ hasText: fmt(en.email_change_done, { email: newEmail }) }));

		await signOut(page);
		await signIn(page, newEmail, person.password);
		await expectVisible(page.getByRole('banner').getByRole('link', { name: person.name }), 'signed in with the new address');
		await visit(page, '/settings/email');
		await expectVisible(page.getByRole('main').getByText(newEmail));
		await page.context().close();
	}, 150_000);
});

describe('backup codes', () => {
	it('are generated with two-step verification; one confirms who one is once, and is refused the second time', async () => {
		const page = await hubs.current.newPage();
		const person = newPerson('keeper');
		await signUpAndVerify(page, person);

		await visit(page, '/settings/security');
		await page.getByLabel(en.field_password).fill(person.password);
		await arrive(page, '/settings/security', () => page.getByRole('button', { name: en.two_factor_enable }).click());
		const codes = (await page.getByTestId('backup-codes').getByRole('listitem').allTextContents()).map((c) => c.trim());
		expect(codes.length).toBeGreaterThanOrEqual(8);
		expect(new Set(codes).size).toBe(codes.length);
		const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
		const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
		await page.getByRole('textbox', { name: en.field_code }).fill(totp.generate());
		await arrive(page, '/settings/security', () => page.getByRole('button', { name: en.verify }).click());
		await expectVisible(page.getByRole('status').getByText(en.two_factor_on));

		// One backup code confirms who the person is, and they are taken back where they were going.
		await visit(page, '/settings/confirm?next=%2Fsettings%2Fdata');
		await backupCodeForm(page).getByRole('textbox', { name: en.field_backup_code }).fill(codes[0]);
		await arrive(page, '/settings/data', () => backupCodeForm(page).getByRole('button', { name: en.confirm_button }).click());
		await expectVisible(page.getByRole('link', { name: en.privacy_export_button }));

		// The same code a second time is refused, in the person's language; another one still works.
		await visit(page, '/settings/confirm?next=%2Fsettings%2Fdata');
		await backupCodeForm(page).getByRole('textbox', { name: en.field_backup_code }).fill(codes[0]);
		await arrive(page, '/settings/confirm', () => backupCodeForm(page).getByRole('button', { name: en.confirm_button }).click());
		await expectVisible(page.getByText(en.confirm_backup_code_wrong).first());
		expect(new URL(page.url()).pathname).toBe('/settings/confirm');
		await backupCodeForm(page).getByRole('textbox', { name: en.field_backup_code }).fill(codes[1]);
		await arrive(page, '/settings/data', () => backupCodeForm(page).getByRole('button', { name: en.confirm_button }).click());
		await page.context().close();
	}, 150_000);
});
