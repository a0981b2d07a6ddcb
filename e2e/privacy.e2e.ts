// Privacy journeys: sign-out means out (a copied cookie is refused at once, every other device
// can be signed out from the sessions page), and a person exports their data and deletes their
// account.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { arrive, baseURL, en, expectVisible, heading, newPerson, signIn, signOut, signUpAndVerify, useHub, visit } from './helpers.ts';

const hubs = useHub();

describe('sign-out means out', () => {
	it('a copy of the cookies is refused on the next request, and "sign out everywhere else" ends the other device', async () => {
		const person = newPerson('member');
		const laptop = await hubs.current.newPage();
		await signUpAndVerify(laptop, person);

		// Someone copies the laptop's cookies into another browser: it works while the session lives.
		const thief = await hubs.current.newPage();
		await thief.context().addCookies(await laptop.context().cookies());
		await visit(thief, '/settings/sessions');
		await expectVisible(heading(thief, en.privacy_sessions_title));
		expect((await thief.context().request.get('/api/v1/organisations')).status()).toBe(200);

		// A second device signs in; the laptop sees both and signs the other one out.
		const phone = await hubs.current.newPage();
		await signIn(phone, person.email, person.password);
		await visit(laptop, '/settings/sessions');
		const rows = laptop.getByRole('table', { name: en.privacy_sessions_title }).getByRole('row');
		expect(await rows.count()).toBe(3); // header + laptop + phone
		await expectVisible(laptop.getByText(`(${en.privacy_sessions_this_device})`));
		await arrive(laptop, '/settings/sessions', () => laptop.getByRole('button', { name: en.privacy_sessions_end_others }).click());
		await expectVisible(laptop.getByRole('status').filter({ hasText: en.privacy_sessions_ended.replace('{count}', '1') }));
		await phone.goto('/settings');
		await arrive(phone, '/sign-in');

		// The laptop signs out: the thief's copy is refused on its very next request.
		await signOut(laptop);
		await thief.goto('/settings/sessions');
		await arrive(thief, '/sign-in');
		const api = await thief.context().request.get(`${baseURL}/api/v1/organisations`);
		expect(api.status()).toBe(401);
		for (const p of [laptop, thief, phone]) await p.context().close();
	});
});

describe('your data', () => {
	it('a person downloads their data as JSON, then deletes their account and cannot sign in again', async () => {
		const person = newPerson('member');
		const page = await hubs.current.newPage();
		await signUpAndVerify(page, person);
		await visit(page, '/settings/data');
		await expectVisible(heading(page, en.privacy_export_title));

		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: en.privacy_export_button }).click();
		const file = await (await download).path();
		const data = JSON.parse(await readFile(file, 'utf8'));
		expect(data.format).toBe('support-hub.personal-data.v1');
		expect(data.account).toMatchObject({ name: person.name, email: person.email });
		expect(data.account.sessions.length).toBeGreaterThan(0);

		// A wrong password: a clear message, and the account is still there.
		await page.getByLabel(en.privacy_delete_password).fill('not my password at all');
		await arrive(page, '/settings/data', () => page.getByRole('button', { name: en.privacy_delete_button }).click());
		await expectVisible(page.getByRole('alert').filter({ hasText: en.privacy_wrong_password }));

		await page.getByLabel(en.privacy_delete_password).fill(person.password);
		await arrive(page, '/account-deleted', () => page.getByRole('button', { name: en.privacy_delete_button }).click());
		await expectVisible(heading(page, en.privacy_deleted_title));
		await page.goto('/settings');
		await arrive(page, '/sign-in');

		await page.getByRole('textbox', { name: en.field_email }).fill(person.email);
		await page.getByLabel(en.field_password).fill(person.password);
		await arrive(page, '/sign-in', () => page.getByRole('main').getByRole('button', { name: en.sign_in, exact: true }).click());
		await expectVisible(page.getByText(en.auth_invalid_credentials));
		await page.context().close();
	});
});
