// The directory journeys: the main one from the issue (sign up → create an organisation → invite a
// member → add an agreement with a document → find it by search) and the sensitive partner that
// stays hidden from partner members who do not belong to it.
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	arrive,
	demo,
	expectAccessible,
	DEMO_PASSWORD,
	en,
	expectVisible,
	fmt,
	fr,
	heading,
	hubLink,
	useHub,
	minimalPdf,
	newPerson,
	pattern,
	signIn,
	signUpAndVerify,
	uniqueWord,
	visit,
	waitForMail
} from './helpers.ts';

const hubs = useHub();

/** The id in /directory/<id>… of the page's current URL. */
const orgIdOf = (page: Page) => new URL(page.url()).pathname.split('/')[2];

describe('main journey: sign up, create an organisation, invite a member, record an agreement with a document, find it', () => {
	// Steps share what earlier steps made; a failed step makes the later ones fail too.
	const owner = newPerson('owner');
	const colleague = newPerson('colleague');
	const word = uniqueWord('lantern');
	const orgName = `Lantern Procurement Watch ${uniqueWord('')}`;
	const description = `Citizen monitors of road contracts; known in the field as the ${word} group.`;
	const agreementTitle = `Monitoring partnership ${uniqueWord('')}`;
	const pdf = minimalPdf(`agreement for ${orgName}`);
	let ownerPage: Page;
	let officerPage: Page;
	let orgId = '';
	let agreementPath = '';

	it('a new person signs up, verifies the address from the mail and lands on their home', async () => {
		ownerPage = await hubs.current.newPage();
		await visit(ownerPage, '/');
		await expectVisible(heading(ownerPage, en.home_title));
		await signUpAndVerify(ownerPage, owner);
	});

	it('they create an organisation and are listed as its owner', async () => {
		const page = ownerPage;
		await visit(page, '/directory');
		await arrive(page, '/directory/new', () => page.getByRole('link', { name: en.organisation_new }).click());
		await page.getByRole('textbox', { name: en.field_org_name }).fill(orgName);
		await page.getByRole('combobox', { name: en.field_kind }).selectOption('civil_society');
		await page.getByRole('combobox', { name: en.field_country }).fill('Kenya');
		await page.getByRole('combobox', { name: en.field_region }).selectOption('africa');
		const languages = page.getByRole('group', { name: en.field_languages });
		await languages.getByRole('checkbox', { name: 'English', exact: true }).check();
		await languages.getByRole('checkbox', { name: 'Swahili', exact: true }).check();
		await page.getByRole('textbox', { name: en.field_description }).fill(description);
		await arrive(page, /^\/directory\/[0-9a-f-]{36}$/, () => page.getByRole('button', { name: en.create, exact: true }).click());
		orgId = orgIdOf(page);
		await expectVisible(heading(page, orgName));
		await expectVisible(page.getByText(description));
		const profile = page.getByRole('region', { name: en.profile });
		await expectVisible(profile.getByText('Kenya'));
		await expectVisible(profile.getByText('English, Swahili'));
		const members = page.getByRole('region', { name: en.members, exact: true });
		await expectVisible(members.getByText(`${owner.name} (${en.membership_owner})`), 'the creator listed as owner');
	});

	it('the owner invites a colleague, who signs up with that address and accepts', async () => {
		const page = ownerPage;
		await arrive(page, `/directory/${orgId}/members`, () => page.getByRole('link', { name: en.members_manage }).click());
		await expectVisible(heading(page, en.members));
		await page.getByRole('textbox', { name: en.field_email }).fill(colleague.email);
		await arrive(page, `/directory/${orgId}/members`, () => page.getByRole('button', { name: en.invite, exact: true }).click());
		await expectVisible(page.getByRole('status').getByText(fmt(en.invitation_sent, { email: colleague.email })));
		await expectVisible(page.getByRole('listitem').filter({ hasText: colleague.email }), 'the pending invitation');

		const mail = await waitForMail(colleague.email, fmt(en.mail_invite_subject, { organisation: orgName }));
		expect(mail.text).toContain(owner.name);
		const link = hubLink(mail, '/invitations/');

		const page2 = await hubs.current.newPage();
		// Signed out, the invitation says what it is and asks to sign in or create an account.
		await visit(page2, new URL(link).pathname);
		await expectVisible(page2.getByText(fmt(en.invitation_body, { organisation: orgName, role: en.membership_member, email: colleague.email })));
		await expectVisible(page2.getByText(en.invitation_sign_in_hint));

		await signUpAndVerify(page2, colleague);
		await visit(page2, new URL(link).pathname);
		await arrive(page2, `/directory/${orgId}`, () => page2.getByRole('button', { name: en.invitation_accept }).click());
		await expectVisible(heading(page2, orgName));
		const members = page2.getByRole('region', { name: en.members, exact: true });
		await expectVisible(members.getByText(`${colleague.name} (${en.membership_member})`), 'the colleague listed as member');
		await expectVisible(members.getByText(`${owner.name} (${en.membership_owner})`));
		await page2.context().close();

		// The owner's members page now lists the colleague, and the invitation is no longer pending.
		await visit(page, `/directory/${orgId}/members`);
		await expectVisible(page.getByRole('main').getByRole('listitem').filter({ hasText: `${colleague.name} · ${colleague.email} · ${en.membership_member}` }));
		expect(await heading(page, en.invitations_pending).count()).toBe(0);
	});

	it('the programme officer records an agreement on the organisation', async () => {
		officerPage = await hubs.current.newPage();
		const page = officerPage;
		await signIn(page, demo('officer'), DEMO_PASSWORD);
		await visit(page, `/directory/${orgId}`);
		await expectVisible(heading(page, orgName));
		await arrive(page, `/directory/${orgId}/agreements/new`, () => page.getByRole('link', { name: en.agreement_new }).click());
		await expectVisible(heading(page, en.agreement_new));

		await page.getByRole('textbox', { name: en.field_title }).fill(agreementTitle);
		const scopes = page.getByRole('group', { name: en.field_scopes });
		await scopes.getByRole('checkbox', { name: en.scope_joint_advocacy }).check();
		await scopes.getByRole('checkbox', { name: en.scope_capacity_building }).check();
		await page.getByLabel(en.field_start_date).fill('2026-01-15');
		await page.getByLabel(en.field_end_date).fill('2028-12-31');
		await page.getByRole('combobox', { name: en.status }).selectOption('active');
		await arrive(page, new RegExp(`^/directory/${orgId}/agreements/[0-9a-f-]{36}$`), () =>
			page.getByRole('button', { name: en.create, exact: true }).click()
		);
		agreementPath = new URL(page.url()).pathname;
		await expectVisible(heading(page, agreementTitle));
		await expectVisible(page.getByText(`${en.scope_joint_advocacy}, ${en.scope_capacity_building}`));
		await expectVisible(page.getByText(en.agreement_active, { exact: true }));
		// Nothing uploaded yet.
		await expectVisible(page.getByRole('region', { name: en.documents }).getByText(en.none_yet));
	});

	it('an executable disguised as a PDF is refused with the translated message and not listed', async () => {
		const page = officerPage;
		const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(2048)]);
		await page.getByLabel(en.document_add).setInputFiles({ name: 'x.pdf', mimeType: 'application/pdf', buffer: exe });
		const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/upload'));
		await arrive(page, agreementPath, () => page.getByRole('button', { name: en.upload, exact: true }).click());
		expect((await response).status()).toBe(415);
		await expectVisible(page.getByText(en.v_file_type), 'the refusal message');
		await expect.poll(() => page.getByLabel(en.document_add).getAttribute('aria-invalid')).toBe('true');
		const docs = page.getByRole('region', { name: en.documents });
		expect(await docs.getByRole('link', { name: 'x.pdf' }).count()).toBe(0);
		await expectVisible(docs.getByText(en.none_yet));
	});

	it('a PDF is uploaded, listed, and downloads as the same bytes as an attachment', async () => {
		const page = officerPage;
		// A fresh load, so that nothing from the refused upload is left in the form.
		await visit(page, agreementPath);
		await page.getByLabel(en.document_add).setInputFiles({ name: 'signed agreement.pdf', mimeType: 'application/pdf', buffer: pdf });
		await arrive(page, agreementPath, () => page.getByRole('button', { name: en.upload, exact: true }).click());
		await expectVisible(page.getByRole('status').getByText(fmt(en.document_uploaded, { name: 'signed agreement.pdf' })));
		const link = page.getByRole('region', { name: en.documents }).getByRole('link', { name: 'signed agreement.pdf' });
		await expectVisible(link);
		expect(await page.getByRole('region', { name: en.documents }).getByRole('link').count()).toBe(1);

		const href = await link.getAttribute('href');
		expect(href).toMatch(new RegExp(`^${agreementPath}/documents/[0-9a-f-]{36}$`));
		const res = await page.request.get(href!);
		expect(res.status()).toBe(200);
		expect(Buffer.from(await res.body()).equals(pdf), 'downloaded bytes equal the uploaded ones').toBe(true);
		expect(res.headers()['content-type']).toBe('application/pdf');
		expect(res.headers()['content-disposition']).toMatch(/^attachment;/);
		expect(res.headers()['content-disposition']).toContain(encodeURIComponent('signed agreement.pdf'));

		// A partner member from another organisation cannot fetch it, even with the link.
		const outsider = await hubs.current.newPage();
		await signIn(outsider, demo('member'), DEMO_PASSWORD);
		const refused = await outsider.request.get(href!);
		expect(refused.status()).toBe(404);
		expect(Buffer.from(await refused.body()).includes(Buffer.from('%PDF'))).toBe(false);
		await outsider.context().close();

		// The partner page counts the document on the agreement.
		await visit(page, `/directory/${orgId}`);
		const agreements = page.getByRole('region', { name: en.agreements });
		await expectVisible(agreements.getByRole('link', { name: agreementTitle }));
		await expectVisible(agreements.getByText(fmt(en.documents_count, { count: '1' })));
	});

	it('the officer finds the organisation by a word from its description', async () => {
		const page = officerPage;
		await visit(page, '/directory');
		await page.getByRole('main').getByRole('searchbox', { name: en.search }).fill(word);
		await arrive(page, /^\/directory\?/, () => page.getByRole('main').getByRole('search').getByRole('button', { name: en.search }).click());
		expect(new URL(page.url()).searchParams.get('q')).toBe(word);
		await expectVisible(page.getByRole('status').getByText(fmt(en.results_count, { count: '1' })));
		const result = page.getByRole('main').getByRole('link', { name: orgName });
		await expectVisible(result);
		expect(await result.getAttribute('href')).toBe(`/directory/${orgId}`);
		await ownerPage.context().close();
		await officerPage.context().close();
	});
});

describe('sensitive partner', () => {
	const sensitiveName = 'Civic Voices Network';
	let officer: Page;
	let member: Page;
	let href = '';

	it('the officer finds it and sees the sensitive notice on its page', async () => {
		// Staff see every partner, so the officer is how the journey learns its id.
		officer = await hubs.current.newPage();
		await signIn(officer, demo('officer'), DEMO_PASSWORD);
		await visit(officer, '/directory?q=Civic');
		const link = officer.getByRole('main').getByRole('link', { name: sensitiveName });
		await expectVisible(link);
		await expectVisible(officer.getByRole('main').getByText(en.sensitive, { exact: true }), 'the sensitive badge in the list');
		href = (await link.getAttribute('href'))!;
		expect(href).toMatch(/^\/directory\/[0-9a-f-]{36}$/);
		await visit(officer, href);
		await expectVisible(heading(officer, sensitiveName));
		const notice = officer.getByText(pattern(en.sensitive_notice));
		await expectVisible(notice, 'the sensitive notice');
		expect(await notice.textContent()).toMatch(/SH-[A-Z2-9]{6}/);
		await officer.context().close();
	});

	it('a partner member who does not belong to it does not find it by search', async () => {
		// Moussa Member's account is in French: pages follow the account's language after sign-in.
		member = await hubs.current.newPage();
		await signIn(member, demo('member'), DEMO_PASSWORD);
		await visit(member, '/directory');
		await expectVisible(heading(member, fr.directory_title));
		const search = async (q: string) => {
			await member.getByRole('searchbox', { name: fr.search }).fill(q);
			await arrive(member, new RegExp(`^/directory\\?(.*&)?q=${q}(&|$)`), () => member.getByRole('main').getByRole('search').getByRole('button', { name: fr.search }).click());
		};
		// A control, so that "not found" below means hidden rather than a broken search.
		await search('Observatoire');
		await expectVisible(member.getByRole('main').getByRole('link', { name: 'Observatoire des Marchés Publics' }));
		await search('Civic');
		await expectVisible(member.getByRole('status').getByText(fmt(fr.results_count, { count: '0' })));
		await expectVisible(member.getByText(fr.no_results));
		expect(await member.getByRole('main').getByRole('link', { name: sensitiveName }).count()).toBe(0);
	});

	it('its pages answer 404 to that member, as if it did not exist', async () => {
		expect(href, 'the id found by the officer').not.toBe('');
		const members = await member.goto(`${href}/members`);
		expect(members?.status()).toBe(404);
		const res = await member.goto(href);
		expect(res?.status()).toBe(404);
		await expectVisible(member.getByText(fr.e_not_found));
		expect(await member.getByText(sensitiveName).count()).toBe(0);
	});

	it('the not-found page it answers with is accessible', async () => {
		expect(new URL(member.url()).pathname).toBe(href);
		await expectAccessible(member);
		await member.context().close();
	});
});
