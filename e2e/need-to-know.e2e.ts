// A sensitive partner's need-to-know list, as people meet it: a reviewer not on the list finds
// only the partner's neutral reference in every page the browser receives; an officer names them
// on the list from the partner's page (plain forms); they then see the name; taken off the list,
// they are back to the reference. At desktop and phone widths, with accessibility scans.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, expectVisible, fmt, fr, heading, signIn, useHub, visit } from './helpers.ts';

const hubs = useHub();
const SENSITIVE_NAME = 'Civic Voices Network';
// Gabriel Reviewer reads the hub in French and is not on the demo partner's list.
const GRANTS_REVIEWER = 'grants-reviewer@demo.supporthub.org';

/** The HTML the browser received for a path (not the DOM after scripts ran). */
async function received(page: Page, path: string): Promise<string> {
	const res = await page.goto(path);
	expect(res?.status(), `status of GET ${path}`).toBe(200);
	return res!.text();
}

describe('need-to-know list journey', () => {
	let orgId = '';
	let requestId = '';
	let reference = '';
	let officer: Page;
	let reviewer: Page;

	it('a reviewer not on the list sees the sensitive partner only by its reference', async () => {
		officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		const list = await (await officer.request.get('/api/v1/engagement-requests?pageSize=100')).json();
		const item = list.items.find((i: { organisationName: string }) => i.organisationName === SENSITIVE_NAME);
		expect(item, 'the demo request of the sensitive partner').toBeDefined();
		requestId = item.id;
		orgId = item.organisationId;
		const org = await (await officer.request.get(`/api/v1/organisations/${orgId}`)).json();
		reference = org.reference;
		expect(reference).toMatch(/^SH-[A-Z2-9]{6}$/);

		reviewer = await hubs.current.newPage();
		await signIn(reviewer, GRANTS_REVIEWER, DEMO_PASSWORD);
		for (const width of [1280, 375]) {
			await reviewer.setViewportSize({ width, height: 800 });
			const portfolio = await received(reviewer, '/requests');
			expect(portfolio).not.toContain(SENSITIVE_NAME);
			expect(portfolio).toContain(reference);
			const page = await received(reviewer, `/requests/${requestId}`);
			expect(page).not.toContain(SENSITIVE_NAME);
			expect(page).toContain(reference);
			await visit(reviewer, `/requests/${requestId}`);
		}
		// Its directory page, people and the API answer as for a partner that does not exist.
		expect((await reviewer.goto(`/directory/${orgId}`))?.status()).toBe(404);
		expect(await reviewer.content()).not.toContain(SENSITIVE_NAME);
		for (const path of [`/api/v1/organisations/${orgId}`, `/api/v1/organisations/${orgId}/people`, '/api/v1/organisations?q=Civic']) {
			const res = await reviewer.request.get(path);
			expect(await res.text(), path).not.toContain(SENSITIVE_NAME);
		}
		const api = await (await reviewer.request.get(`/api/v1/engagement-requests/${requestId}`)).text();
		expect(api).not.toContain(SENSITIVE_NAME);
		// Nor may they keep the list.
		expect((await reviewer.request.get(`/api/v1/organisations/${orgId}/need-to-know`)).status()).toBe(403);
	});

	it('an officer adds the reviewer to the list from the partner’s page, at desktop and phone widths', async () => {
		for (const width of [1280, 375]) {
			await officer.setViewportSize({ width, height: 800 });
			await visit(officer, `/directory/${orgId}`);
			await expectVisible(heading(officer, en.need_to_know_title));
			await expectVisible(officer.getByRole('main').getByText('Rafael Reviewer'), 'the demo reviewer already on the list');
		}
		await officer.setViewportSize({ width: 1280, height: 800 });
		// Adding with nothing chosen is refused on the field, and nothing changes.
		await arrive(officer, `/directory/${orgId}/need-to-know`, () => officer.getByRole('button', { name: en.need_to_know_add }).click());
		await expectVisible(officer.getByText(en.v_choose_person));
		await officer.getByLabel(en.need_to_know_person).selectOption({ label: `Gabriel Reviewer · ${en.role_reviewer}` });
		await arrive(officer, `/directory/${orgId}/need-to-know`, () => officer.getByRole('button', { name: en.need_to_know_add }).click());
		await expectVisible(officer.getByRole('status').getByText(fmt(en.need_to_know_added, { name: 'Gabriel Reviewer' })));
		await expectVisible(officer.getByRole('main').getByRole('button', { name: `${en.remove} Gabriel Reviewer` }));
		// The change is in the activity log an admin audits.
		const admin = await hubs.current.newPage();
		await signIn(admin, demo('admin'), DEMO_PASSWORD, /.*/);
		await visit(admin, '/admin/audit?action=need_to_know_added');
		await expectVisible(admin.getByRole('cell', { name: en.audit_a_need_to_know_added }).first(), 'the addition in the audit log');
		await admin.context().close();
	});

	it('on the list, the reviewer sees the name — in French — and off it, the reference again', async () => {
		for (const width of [1280, 375]) {
			await reviewer.setViewportSize({ width, height: 800 });
			await visit(reviewer, `/requests/${requestId}`);
			expect(await reviewer.content()).toContain(SENSITIVE_NAME);
			await visit(reviewer, `/directory/${orgId}`);
			await expectVisible(heading(reviewer, SENSITIVE_NAME));
			await expectVisible(reviewer.getByText(fmt(fr.sensitive_notice, { reference })), 'the sensitive notice, in French');
		}
		await visit(officer, `/directory/${orgId}/need-to-know`);
		await arrive(officer, `/directory/${orgId}/need-to-know`, () => officer.getByRole('button', { name: `${en.remove} Gabriel Reviewer` }).click());
		await expectVisible(officer.getByRole('status').getByText(en.need_to_know_removed));
		const again = await received(reviewer, `/requests/${requestId}`);
		expect(again).not.toContain(SENSITIVE_NAME);
		expect(again).toContain(reference);
		await officer.context().close();
		await reviewer.context().close();
	});
});
