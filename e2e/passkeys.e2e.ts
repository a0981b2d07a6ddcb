// Passkeys with Chromium's virtual authenticator (CDP WebAuthn domain), on a hub of its own whose
// origin is `localhost` (a passkey's relying party must be a domain name, not an address), with
// reviewers among the roles that need a second factor. A member adds a passkey in settings, signs
// out and signs in with it, confirms who they are with it, and removes it; a reviewer without a
// second factor sets up a passkey as theirs, and a password sign-in then asks for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { arrive, DEMO_PASSWORD, demo, expectAccessible, expectVisible, heading, pageMessages, signIn, useHub, visit } from './helpers.ts';
import { ownHubPage, startOwnHub, stopOwnHub, type OwnHub } from './own-hub.ts';

const hubs = useHub();
let hub: OwnHub;
beforeAll(async () => {
	hub = await startOwnHub('passkeys', { STAFF_TWO_FACTOR_ROLES: 'admin,programme_officer,reviewer', SIGN_IN_ATTEMPTS_PER_MINUTE: '30' }, { hostName: 'localhost' });
}, 150_000);
afterAll(() => stopOwnHub(hub));

/** A page on the private hub with a virtual platform authenticator that verifies the person. */
async function pageWithAuthenticator(): Promise<{ page: Page; cdp: CDPSession; authenticatorId: string }> {
	const page = await ownHubPage(hubs.current, hub);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true }
	});
	return { page, cdp, authenticatorId };
}

async function addPasskey(page: Page, name: string) {
	const t = await pageMessages(page);
	await page.getByLabel(t.passkey_name).fill(name);
	await arrive(page, '/settings/security', () => page.getByRole('button', { name: t.passkey_add }).click());
	await expectVisible(page.getByRole('status').filter({ hasText: t.passkey_added }));
	await expectVisible(page.getByRole('list', { name: t.passkey_list }).getByText(name));
}

async function signOutHere(page: Page) {
	const t = await pageMessages(page);
	await arrive(page, '/', () => page.getByRole('banner').getByRole('button', { name: t.sign_out }).click());
}

describe('passkeys', () => {
	it('a member adds a passkey, signs in with it without a password, confirms with it and removes it', async () => {
		const { page, cdp, authenticatorId } = await pageWithAuthenticator();
		await signIn(page, demo('member'), DEMO_PASSWORD, '/');
		await visit(page, '/settings/security');
		const t = await pageMessages(page);
		await expectVisible(page.getByText(t.passkey_none));
		await addPasskey(page, 'Work laptop');
		const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
		expect(credentials).toHaveLength(1);
		expect(credentials[0].isResidentCredential).toBe(true);
		await expectAccessible(page);
		await page.setViewportSize({ width: 375, height: 800 });
		await expectAccessible(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await page.setViewportSize({ width: 1280, height: 900 });

		// Password-less: no e-mail, no password.
		await signOutHere(page);
		await visit(page, '/sign-in?next=%2Fsettings%2Fsessions');
		await arrive(page, '/settings/sessions', () => page.getByRole('button', { name: t.passkey_sign_in }).click());
		expect((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0].signCount).toBeGreaterThan(0);

		// A fresh proof with the passkey: back to the page that asked for it.
		await visit(page, '/settings/confirm?next=%2Fsettings%2Fdata');
		await expectVisible(heading(page, t.confirm_with_passkey));
		await arrive(page, '/settings/data', () => page.getByRole('button', { name: t.passkey_confirm_button }).click());

		await visit(page, '/settings/security');
		await arrive(page, '/settings/security', () => page.getByRole('button', { name: t.passkey_remove_named.replace('{name}', 'Work laptop') }).click());
		await expectVisible(page.getByRole('status').filter({ hasText: t.passkey_removed }));
		await expectVisible(page.getByText(t.passkey_none));

		// The authenticator still holds the credential, but the hub no longer knows it.
		await signOutHere(page);
		await visit(page, '/sign-in');
		await page.getByRole('button', { name: t.passkey_sign_in }).click();
		await expectVisible(page.getByRole('alert').filter({ hasText: t.passkey_failed }));
		expect(new URL(page.url()).pathname).toBe('/sign-in');
		await page.context().close();
	});

	it('a reviewer whose role needs a second factor sets up a passkey as theirs; a password sign-in then asks for it', async () => {
		const { page } = await pageWithAuthenticator();
		await signIn(page, demo('reviewer'), DEMO_PASSWORD, '/settings/security');
		const t = await pageMessages(page);
		await expectVisible(heading(page, t.second_factor_required_title));
		await addPasskey(page, 'Phone');
		await visit(page, '/directory');

		await signOutHere(page);
		await signIn(page, demo('reviewer'), DEMO_PASSWORD, '/settings/security');
		await expectVisible(heading(page, t.passkey_second_factor_heading));
		await page.goto('/directory');
		expect(new URL(page.url()).pathname).toBe('/settings/security');
		await arrive(page, '/', () => page.getByRole('button', { name: t.passkey_confirm_button }).click());
		await visit(page, '/directory');

		// Its only second factor cannot be removed while the role needs one.
		await visit(page, '/settings/security');
		await page.getByRole('button', { name: t.passkey_remove_named.replace('{name}', 'Phone') }).click();
		await expectVisible(page.getByRole('alert').filter({ hasText: t.passkey_last_needed }));

		await signOutHere(page);
		await visit(page, '/sign-in');
		await arrive(page, '/', () => page.getByRole('button', { name: t.passkey_sign_in }).click());
		await visit(page, '/directory');
		await page.context().close();
	});
});
