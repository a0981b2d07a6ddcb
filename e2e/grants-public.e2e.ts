// What visitors see of the grants: open calls, the register of awarded grants and its 360Giving
// open data, with the sensitive grantee anonymised everywhere.
import { describe, expect, it } from 'vitest';
import { en, expectVisible, heading, useHub, visit } from './helpers.ts';

const hubs = useHub();

describe('public grants pages', () => {
	it('a visitor browses the open calls and checks eligibility without an account', async () => {
		const page = await hubs.current.newPage();
		await visit(page, '/calls');
		await expectVisible(heading(page, en.grant_open_calls));
		await expectVisible(page.getByRole('link', { name: 'Rapid-response mini-grants' }));
		await visit(page, '/calls/rapid-response');
		await expectVisible(page.getByRole('heading', { name: en.grant_screener }));
	});

	it('the register lists awarded grants and names the sensitive grantee only by its reference', async () => {
		const page = await hubs.current.newPage();
		await visit(page, '/register');
		await expectVisible(heading(page, en.grant_register));
		await expectVisible(page.getByRole('cell', { name: 'Paraguay Compras Abiertas' }));
		expect(await page.content()).not.toContain('Civic Voices');
		await expectVisible(page.getByRole('cell', { name: /^Partner SH-/ }));
	});

	it('the 360Giving JSON and CSV are open data at stable addresses', async () => {
		const page = await hubs.current.newPage();
		const res = await page.request.get('/open-data/360giving.json');
		expect(res.status()).toBe(200);
		const data = (await res.json()) as { grants: { id: string; currency: string; amountAwarded: number; recipientOrganization: { name: string }[] }[] };
		expect(data.grants.length).toBeGreaterThanOrEqual(2);
		for (const g of data.grants) {
			expect(g.id).toMatch(/^360G-supporthub-/);
			expect(g.currency).toBe('USD');
			expect(g.amountAwarded).toBeGreaterThan(0);
		}
		const names = data.grants.map((g) => g.recipientOrganization[0].name);
		expect(names).toContain('Paraguay Compras Abiertas');
		expect(names.join()).not.toContain('Civic Voices');
		const csv = await page.request.get('/open-data/360giving.csv');
		expect(csv.headers()['content-type']).toContain('text/csv');
		const text = await csv.text();
		expect(text.split('\n')[0]).toContain('Identifier,Title,Description,Currency,Amount Awarded,Award Date');
		expect(text).not.toContain('Civic Voices');
		// The API twin needs a token or a session.
		expect((await page.request.get('/api/v1/grants')).status()).toBe(401);
	});
});
