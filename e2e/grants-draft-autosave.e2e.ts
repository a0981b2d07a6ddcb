// Two members of one partner organisation write a mini-grant application together: the draft
// saves itself while they type and says when; when both edit the same version, changes to
// different questions are merged, and where both changed one question the second is shown both
// answers side by side, and nothing is overwritten; without JavaScript the Save draft button saves the same way. Every page is
// checked with axe at desktop and phone widths, the conflict message too.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, expectAccessible, expectVisible, fmt, heading, hubLink, newPerson, pageMessages, pattern, signIn, signUpAndVerify, uniqueWord, useHub, visit, waitForMail } from './helpers.ts';

const hubs = useHub();

describe('a draft two members edit saves itself and never overwrites the other unseen', () => {
	const colleague = newPerson('grant-colleague');
	const orgName = 'Transparencia Ciudadana';
	const word = uniqueWord('');
	let paula: Page;
	let ana: Page;
	let edit = '';
	const saved = (page: Page) => page.waitForResponse((r) => r.url().endsWith('/edit/autosave') && r.request().method() === 'POST');

	it('the partner owner invites a colleague into the organisation', async () => {
		paula = await hubs.current.newPage();
		await signIn(paula, demo('partner'), DEMO_PASSWORD);
		const t = await pageMessages(paula);
		await visit(paula, `/directory?q=${encodeURIComponent('Transparencia')}`);
		await arrive(paula, /^\/directory\/[0-9a-f-]{36}$/, () => paula.getByRole('main').getByRole('link', { name: orgName }).click());
		const orgId = new URL(paula.url()).pathname.split('/')[2];
		await arrive(paula, `/directory/${orgId}/members`, () => paula.getByRole('link', { name: t.members_manage }).click());
		await paula.getByRole('textbox', { name: t.field_email }).fill(colleague.email);
		await arrive(paula, `/directory/${orgId}/members`, () => paula.getByRole('button', { name: t.invite, exact: true }).click());
		const link = hubLink(await waitForMail(colleague.email), '/invitations/');
		ana = await hubs.current.newPage();
		await signUpAndVerify(ana, colleague);
		await visit(ana, new URL(link).pathname);
		await arrive(ana, `/directory/${orgId}`, () => ana.getByRole('button', { name: en.invitation_accept }).click());
	}, 180_000);

	it('she starts an application; it saves itself while she types and says when', async () => {
		const t = await pageMessages(paula);
		await visit(paula, '/calls/rapid-response');
		for (const q of ['goal', 'mandate', 'plan', 'manager']) await paula.locator(`input[name="s.${q}"][value=yes]`).check();
		await arrive(paula, '/calls/rapid-response', () => paula.getByRole('button', { name: t.grant_check_eligibility }).click());
		await paula.locator('#organisationId').selectOption({ label: orgName });
		await arrive(paula, /\/grants\/applications\/[^/]+\/edit$/, () => paula.getByRole('button', { name: t.grant_start_application }).click());
		edit = new URL(paula.url()).pathname;
		const answer = saved(paula);
		await paula.locator('#f-goal').fill(`El municipio publica sus contratos ${word}`);
		expect((await answer).status()).toBe(200);
		await expectVisible(paula.getByTestId('autosave-note').getByText(pattern(t.autosave_saved_at)), 'the "saved at" note');
		// The saved text is there after a reload, with who saved it last.
		await visit(paula, edit);
		expect(await paula.locator('#f-goal').inputValue()).toBe(`El municipio publica sus contratos ${word}`);
		await expectVisible(paula.getByText(pattern(t.grant_draft_last_saved)));
	}, 180_000);

	it('both edit the same version: the second to save is shown both answers, and nothing is overwritten', async () => {
		await visit(ana, edit);
		const paulaSaves = saved(paula);
		await paula.locator('#f-goal').fill(`La alcaldía publica todos sus contratos ${word}`);
		expect((await paulaSaves).status()).toBe(200);

		const anaSaves = saved(ana);
		await ana.locator('#f-goal').fill(`The city publishes every contract ${word}`);
		await anaSaves;
		await expectVisible(heading(ana, en.grant_draft_conflict_title));
		const goal = ana.getByTestId('conflict-goal');
		await expectVisible(goal.getByText(`La alcaldía publica todos sus contratos ${word}`), 'their saved answer');
		await expectVisible(goal.getByText(`The city publishes every contract ${word}`), 'her own answer');
		// Her words are still in the form; the message passes axe at both widths.
		expect(await ana.locator('#f-goal').inputValue()).toBe(`The city publishes every contract ${word}`);
		await expectAccessible(ana);
		// Typing on does not save over the newer version by itself.
		await ana.locator('#f-mandate').fill('A council resolution');
		await ana.waitForTimeout(2000);
		await visit(paula, edit);
		expect(await paula.locator('#f-goal').inputValue()).toBe(`La alcaldía publica todos sus contratos ${word}`);
		// Having read both, she saves hers on purpose.
		await arrive(ana, edit, () => ana.getByRole('button', { name: en.grant_save_draft }).click());
		await expectVisible(ana.getByText(en.grant_saved, { exact: true }));
		await visit(paula, edit);
		expect(await paula.locator('#f-goal').inputValue()).toBe(`The city publishes every contract ${word}`);
	}, 180_000);

	it('each changes a different question on the same version: both changes are kept, and the second is told whose', async () => {
		await visit(paula, edit);
		await visit(ana, edit);
		const paulaSaves = saved(paula);
		await paula.locator('#f-goal').fill(`Cada contrato municipal se publica ${word}`);
		expect((await paulaSaves).status()).toBe(200);
		// Ana's page still holds the version before Paula's save: her autosave is merged, and the page
		// comes back with both changes and says whose answers were kept.
		const anaSaves = saved(ana);
		await arrive(ana, edit, () => ana.locator('#f-mandate').fill(`A council resolution with a budget line ${word}`));
		expect((await anaSaves).status()).toBe(200);
		await expectVisible(ana.getByRole('status').filter({ hasText: fmt(en.grant_draft_merged, { questions: 'Campaign goal' }) }), 'the merge notice naming the question kept');
		expect(await ana.locator('#f-goal').inputValue()).toBe(`Cada contrato municipal se publica ${word}`);
		expect(await ana.locator('#f-mandate').inputValue()).toBe(`A council resolution with a budget line ${word}`);
		await visit(paula, edit);
		expect(await paula.locator('#f-mandate').inputValue()).toBe(`A council resolution with a budget line ${word}`);
		expect(await paula.locator('#f-goal').inputValue()).toBe(`Cada contrato municipal se publica ${word}`);
	}, 180_000);

	it('without JavaScript, Save draft saves and says when; a stale page is told instead of overwriting', async () => {
		const nojs = await hubs.current.newPage({ javaScriptEnabled: false });
		await signIn(nojs, colleague.email, colleague.password);
		await visit(nojs, edit);
		await nojs.locator('#f-manager_role').fill('Coordinadora');
		await arrive(nojs, edit, () => nojs.getByRole('button', { name: en.grant_save_draft }).click());
		await expectVisible(nojs.getByText(pattern(en.autosave_saved_at)));
		// Paula saves meanwhile; the page still holding the older version is told.
		await visit(paula, edit);
		const paulaSaves = saved(paula);
		await paula.locator('#f-manager_role').fill('Directora');
		await paulaSaves;
		await nojs.locator('#f-manager_role').fill('Coordinadora general');
		await arrive(nojs, edit, () => nojs.getByRole('button', { name: en.grant_save_draft }).click());
		await expectVisible(heading(nojs, en.grant_draft_conflict_title));
		await expectVisible(nojs.getByTestId('conflict-manager_role').getByText('Directora', { exact: true }));
		await nojs.context().close();
		await paula.context().close();
		await ana.context().close();
	}, 180_000);

	it('an officer compares two published versions of the call and reads the message sent to its applicants', async () => {
		const officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		const calls = await (await officer.request.get('/api/v1/calls')).json();
		const mini = calls.items.find((c: { slug: string }) => c.slug === 'rapid-response');
		await visit(officer, `/grants/calls/${mini.id}`);
		await arrive(officer, `/grants/calls/${mini.id}`, () => officer.getByRole('link', { name: fmt(en.call_diff_with_previous, { n: '1' }) }).click());
		const diff = officer.getByRole('region', { name: fmt(en.call_diff_heading, { from: '1', to: '2' }) });
		await expectVisible(diff.getByText('Reports, data sets or tools the campaign will publish.', { exact: false }));
		await expectVisible(diff.getByText(/\(Español\)/));
		await visit(officer, `/grants/message?call=${mini.id}`);
		await expectVisible(officer.getByText('Your final report: what we ask and by when'));
		await officer.context().close();
	}, 180_000);
});
