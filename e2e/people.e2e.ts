// Contacts at a partner: the owner keeps them up to date; a bad address is refused on its field,
// and markup typed into a name is shown as text, never run.
import { describe, expect, it } from 'vitest';
import { arrive, DEMO_PASSWORD, demo, expectVisible, useHub, pageMessages, signIn, visit } from './helpers.ts';

const hubs = useHub();

describe('contacts at a partner', () => {
	it('the owner adds, corrects and removes a contact', async () => {
		// Paula Partner owns Transparencia Ciudadana. Her account's language may have been changed by
		// an earlier journey, so the texts are read in whatever language the page is in.
		const page = await hubs.current.newPage();
		await signIn(page, demo('partner'), DEMO_PASSWORD);
		const t = await pageMessages(page);
		await visit(page, '/directory?q=Transparencia');
		await arrive(page, /^\/directory\/[0-9a-f-]{36}$/, () => page.getByRole('link', { name: 'Transparencia Ciudadana' }).click());
		const orgPath = new URL(page.url()).pathname;
		await arrive(page, `${orgPath}/people`, () => page.getByRole('link', { name: t.people_manage }).click());

		const form = page.locator('form[action="?/add"]');
		const name = '<img src=x onerror=alert(1)> Lucía';
		await form.getByLabel(t.field_name).fill(name);
		await form.getByLabel(t.field_email).fill('not-an-address');
		await arrive(page, `${orgPath}/people`, () => form.getByRole('button', { name: t.person_add }).click());
		await expectVisible(page.getByText(t.v_invalid_email), 'the e-mail field’s message');
		expect(await page.locator('img[src="x"]').count(), 'markup in a name is not rendered').toBe(0);

		await page.locator('form[action="?/add"]').getByLabel(t.field_email).fill('lucia@example.org');
		await arrive(page, `${orgPath}/people`, () => page.locator('form[action="?/add"]').getByRole('button', { name: t.person_add }).click());
		await expectVisible(page.getByText(`${name} · lucia@example.org`), 'the new contact, its name shown as typed');
		expect(await page.locator('img[src="x"]').count()).toBe(0);

		await arrive(page, new RegExp(`^${orgPath}/people/[0-9a-f-]{36}$`), () =>
			page.getByRole('link', { name: `${t.edit} ${name}` }).click()
		);
		await page.getByLabel(t.field_name).fill('Lucía Gómez');
		await page.getByLabel(t.field_person_role).fill('Coordinadora');
		await arrive(page, `${orgPath}/people`, () => page.getByRole('button', { name: t.save }).click());
		await expectVisible(page.getByText('Lucía Gómez — Coordinadora · lucia@example.org'), 'the corrected contact');

		await arrive(page, `${orgPath}/people`, () => page.getByRole('button', { name: `${t.remove} Lucía Gómez` }).click());
		expect(await page.getByText('Lucía Gómez').count(), 'the removed contact is gone').toBe(0);
		await page.context().close();
	});

	it('a partner member of another organisation cannot open its contacts page', async () => {
		const owner = await hubs.current.newPage();
		await signIn(owner, demo('partner'), DEMO_PASSWORD);
		await visit(owner, '/directory?q=Transparencia');
		const href = await owner.getByRole('link', { name: 'Transparencia Ciudadana' }).getAttribute('href');
		await owner.context().close();

		const other = await hubs.current.newPage();
		await signIn(other, demo('member'), DEMO_PASSWORD);
		await visit(other, `${href}/people`, 403);
		await other.context().close();
	});
});
