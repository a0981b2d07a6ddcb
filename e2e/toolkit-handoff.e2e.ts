// The hand-off from a strategy to a mini-grant application, through the grants domain's
// startApplicationFromPlan: the application opens with the strategy's goal filled in.
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, expectVisible, pageMessages, signIn, useHub, visit } from './helpers.ts';

const hubs = useHub();

describe('hand-off: a strategy seeds a mini-grant application', () => {
	it('“use this plan in a mini-grant application” opens an application with the strategy’s goal filled in', async () => {
		const page = await hubs.current.newPage();
		await signIn(page, demo('partner'), DEMO_PASSWORD);
		await visit(page, '/toolkit');
		// The demo strategy of Transparencia Ciudadana has a goal, a deadline and milestones.
		await arrive(page, /^\/toolkit\/[0-9a-f-]{36}$/, () => page.getByRole('link', { name: 'Compras de medicamentos abiertas en el estado' }).click());
		const goal = 'La Secretaría de Salud publica el 100 % de sus contratos de medicamentos en formato abierto antes de diciembre de 2027.';
		const t = await pageMessages(page);
		const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
		await page.getByRole('button', { name: t.toolkit_handoff }).click();
		await navigated;
		await page.waitForLoadState('load');
		expect(new URL(page.url()).pathname).not.toMatch(/^\/toolkit\//);
		// Whatever the grants form calls the field, one form control holds the strategy's goal.
		const values = await page.locator('textarea, input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		expect(values).toContain(goal);
		await expectVisible(page.getByRole('main'));
	});
});
