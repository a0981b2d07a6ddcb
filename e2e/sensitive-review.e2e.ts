// An outside reviewer reviews a sensitive partner's grant application. An admin marks the
// applicant sensitive while its application waits for screening; the officer screens it, sends it
// to review and assigns the demo external reviewer, who is outside the partner's need-to-know.
// The reviewer declares, reads the substance and scores it — and the partner's name, its people,
// their addresses and its country appear in nothing the browser received: pages, page data, the
// API. Run on a hub of its own, so the partner stays unmarked for the other journeys.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrive, demo, DEMO_PASSWORD, en, expectVisible, signIn, useHub, visit } from './helpers.ts';
import { ownHubPage, startOwnHub, stopOwnHub, type OwnHub } from './own-hub.ts';

const hubs = useHub();
let own: OwnHub;
beforeAll(async () => {
	own = await startOwnHub('sensitive-review', { STAFF_TWO_FACTOR_ROLES: 'none', SIGN_IN_ATTEMPTS_PER_MINUTE: '1000' });
}, 150_000);
afterAll(() => stopOwnHub(own));

const PARTNER = 'Open Budget Nepal';
const TITLE = 'Ward offices publish procurement plans by March';

async function as(who: Parameters<typeof demo>[0]): Promise<Page> {
	const page = await ownHubPage(hubs.current, own);
	await signIn(page, demo(who), DEMO_PASSWORD);
	return page;
}

describe('an outside reviewer reviews a sensitive partner’s application without learning who it is', () => {
	let officer: Page;
	let external: Page;
	let path = '';
	let reference = '';
	/** Everything that would name the partner: its name, its people's names and addresses, its country. */
	const secrets: string[] = [PARTNER, 'Nepal'];

	/** Fails when the document the browser holds (markup and page data) names the partner. */
	async function namesNoOne(page: Page, what: string) {
		const html = await page.content();
		for (const secret of secrets) expect(html.includes(secret), `${what} names "${secret}"`).toBe(false);
	}

	it('an admin marks the partner sensitive while its application waits for screening', async () => {
		officer = await as('officer');
		const orgs = await (await officer.request.get(`/api/v1/organisations?q=${encodeURIComponent(PARTNER)}`)).json();
		const org = orgs.items.find((o: { name: string }) => o.name === PARTNER);
		expect(org, 'the demo partner').toBeDefined();
		const people = await (await officer.request.get(`/api/v1/organisations/${org.id}/people`)).json();
		for (const p of people.items as { name: string; email: string | null }[]) secrets.push(p.name, ...(p.email ? [p.email] : []));
		expect(secrets.length).toBeGreaterThan(3);

		const admin = await as('admin');
		await visit(admin, `/directory/${org.id}/edit`);
		await arrive(admin, /^\/directory\//, () => admin.getByRole('button', { name: en.sensitivity_mark }).click());
		reference = (await (await admin.request.get(`/api/v1/organisations/${org.id}`)).json()).reference;
		expect(reference).toMatch(/^SH-[A-Z2-9]{6}$/);
		await admin.context().close();
	});

	it('the officer, who may know the partner, screens the application and assigns the outside reviewer', async () => {
		await visit(officer, `/grants?q=${encodeURIComponent('Ward offices')}`);
		const link = officer.getByRole('main').getByRole('link', { name: TITLE }).first();
		await expectVisible(link);
		path = (await link.getAttribute('href'))!;
		expect(path).toMatch(/^\/grants\/applications\/[0-9a-f-]{36}$/);
		await visit(officer, path);
		await expectVisible(officer.getByRole('main').getByText(PARTNER).first(), 'staff on the need-to-know see the name');
		for (const step of [en.grant_t_start_screening, en.grant_t_send_to_review])
			await arrive(officer, path, () => officer.getByRole('button', { name: step, exact: true }).click());
		await officer.getByLabel(en.grant_assign_reviewer).selectOption({ label: 'Esther External' });
		await arrive(officer, path, () => officer.getByRole('button', { name: en.grant_assign, exact: true }).click());
		await expectVisible(officer.getByRole('cell', { name: 'Esther External' }));
	});

	it('the reviewer finds it on their list and is asked about a conflict with the partner’s reference only', async () => {
		external = await as('external');
		await namesNoOne(external, 'the reviewer’s home');
		await visit(external, '/grants');
		await expectVisible(external.getByRole('main').getByRole('link', { name: TITLE }));
		await namesNoOne(external, 'the reviewer’s grants list');
		await visit(external, path);
		await expectVisible(external.getByText(reference).first(), 'the neutral reference');
		await namesNoOne(external, 'the declaration page');
	});

	it('declares no conflict, reads the substance and scores it; nothing received names the partner', async () => {
		await external.getByLabel(en.grant_declare_no).check();
		await arrive(external, path, () => external.getByRole('button', { name: en.grant_declare_submit }).click());
		await expectVisible(external.getByText(TITLE).first(), 'the application’s substance');
		await namesNoOne(external, 'the application page');
		for (const [id, points] of [['mandate', '4'], ['plan', '3'], ['value', '4']]) await external.locator(`#p-${id}`).fill(points);
		await arrive(external, path, () => external.getByRole('button', { name: en.grant_submit_review }).click());
		await expectVisible(external.getByText(en.grant_done_review));
		await namesNoOne(external, 'the page after scoring');

		const id = path.split('/').pop()!;
		for (const api of [`/api/v1/applications/${id}`, '/api/v1/applications']) {
			const res = await external.request.get(api);
			const body = await res.text();
			for (const secret of secrets) expect(body.includes(secret), `${api} (${res.status()}) names "${secret}"`).toBe(false);
		}
		expect((await external.goto(`/search?q=${encodeURIComponent('Open Budget')}`))!.status()).toBeGreaterThanOrEqual(400);
	});

	afterAll(async () => {
		await officer?.context().close();
		await external?.context().close();
	});
});
