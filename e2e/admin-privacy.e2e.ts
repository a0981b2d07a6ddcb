// The admin's privacy pages: retention rules and erasing a person, read at desktop and phone
// widths with an accessibility scan on each.
import { describe, it } from 'vitest';
import { DEMO_PASSWORD, arrive, demo, en, expectVisible, heading, newPerson, signIn, signUpAndVerify, useHub, visit } from './helpers.ts';

const hubs = useHub();

describe('an admin’s privacy pages', () => {
	it('the retention rules and the erase page open at 1280 px and at 375 px', async () => {
		const person = newPerson('erasable');
		const newcomer = await hubs.current.newPage();
		await signUpAndVerify(newcomer, person);
		await newcomer.context().close();

		const page = await hubs.current.newPage();
		await signIn(page, demo('admin'), DEMO_PASSWORD, /.*/);
		for (const width of [1280, 375]) {
			await page.setViewportSize({ width, height: 800 });
			await visit(page, '/admin/retention');
			await expectVisible(heading(page, en.privacy_retention_title));
			await visit(page, `/admin/users?q=${encodeURIComponent(person.email)}`);
			await arrive(page, /^\/admin\/users\/[0-9a-f-]{36}\/erase$/, () => page.getByRole('link', { name: `${en.privacy_erase_link} ${person.name}` }).click());
			await expectVisible(heading(page, en.privacy_erase_title));
		}
		await page.context().close();
	});
});
