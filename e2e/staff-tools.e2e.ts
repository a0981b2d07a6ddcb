// Pages reached from the staff list and the account settings, read as people meet them, with
// accessibility scans at desktop and phone widths: the reviewer workload and the message page of
// a call for an officer; the grants list's pipeline; the change-of-address page and the link from its mail, whose forged or
// used token is answered with the expired-link message and changes nothing.
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, expectVisible, heading, signIn, useHub, visit } from './helpers.ts';

const hubs = useHub();

describe('staff tools and the change of address', () => {
	it('an officer opens the reviewer workload and the message page of the mini-grant call', async () => {
		const officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		await visit(officer, '/grants/reviewers');
		await expectVisible(heading(officer, en.vol_workload_title));
		const calls = await (await officer.request.get('/api/v1/calls')).json();
		const mini = calls.items.find((c: { slug: string }) => c.slug === 'rapid-response');
		expect(mini, 'the demo mini-grant call').toBeDefined();
		await visit(officer, `/grants/message?call=${mini.id}`);
		await expectVisible(officer.getByRole('heading', { name: en.vol_message_title }));
		// A partner may not open either.
		const partner = await hubs.current.newPage();
		await signIn(partner, demo('member'), DEMO_PASSWORD);
		expect((await partner.goto('/grants/reviewers'))!.status()).toBe(403);
		expect((await partner.goto(`/grants/message?call=${mini.id}`))!.status()).toBe(403);
		await officer.context().close();
		await partner.context().close();
	});

	it('the grants list shows the pipeline at each step; a step opens the list of that step, its badges all alike', async () => {
		const officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		await visit(officer, '/grants');
		const pipeline = officer.getByRole('navigation', { name: new RegExp(en.grant_pipeline) });
		await expectVisible(pipeline);
		const awarded = pipeline.getByRole('link', { name: new RegExp(`^${en.grant_s_awarded} \\d`) });
		const shown = Number((await awarded.innerText()).replace(/\D/g, ''));
		expect(shown, 'the demo has awarded grants').toBeGreaterThan(0);
		await arrive(officer, /status=awarded/, () => awarded.click());
		await expect.poll(() => awarded.getAttribute('aria-current')).toBe('page');
		const statuses = officer.getByRole('main').locator('tbody .badge');
		expect(await statuses.count()).toBe(Math.min(shown, 50));
		expect(new Set(await statuses.allInnerTexts())).toEqual(new Set([en.grant_s_awarded]));
		// A bulk action answered on the list keeps the list as it was filtered (here: refused, nothing ticked).
		await arrive(officer, /status=awarded/, () => officer.getByRole('button', { name: en.vol_bulk_apply }).click());
		await expect.poll(() => officer.getByLabel(en.grant_status, { exact: true }).inputValue()).toBe('awarded');
		expect(new Set(await statuses.allInnerTexts())).toEqual(new Set([en.grant_s_awarded]));
		await officer.context().close();
	});

	it('a person opens the change-of-address page; a forged link from the mail changes nothing', async () => {
		const page = await hubs.current.newPage();
		await signIn(page, demo('finance'), DEMO_PASSWORD);
		await visit(page, '/settings/email');
		await visit(page, '/settings/email/verify?token=forged-token');
		await arrive(page, '/settings/email/verify', () => page.getByRole('button', { name: /./ }).last().click());
		await expectVisible(page.getByText(/./).filter({ hasText: new RegExp(`${en.auth_link_expired}|expir|utilis|usado|used`) }));
		// The address is still the old one.
		await visit(page, '/settings/email');
		await expectVisible(page.getByRole('main').getByText(demo('finance')));
		await page.context().close();
	});
});
