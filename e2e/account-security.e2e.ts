// Account security against a hub of its own (its own server and embedded database, so its strict
// settings touch no other journey): default limits and no ADDRESS_HEADER, and reviewers added to
// the roles that need a second factor. Staff without one are sent to set it up; the demo admin
// signs in with the documented authenticator key; rotating X-Forwarded-For values do not dodge
// the sign-in limit. On the shared hub: the
// page where a signed-in person confirms who they are, and changing one's password.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { arrive, baseURL, DEMO_PASSWORD, demo, en, expectAccessible, expectVisible, heading, newPerson, pageMessages, signIn, signUpAndVerify, useHub, visit } from './helpers.ts';

const root = new URL('..', import.meta.url).pathname;

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
	});
}

type Private = { url: string; child: ChildProcess; log: string; temp: string };

/** The built hub with production defaults (no ADDRESS_HEADER, five sign-in attempts a minute), seeded with the demo. */
async function startDefaultHub(): Promise<Private> {
	const temp = mkdtempSync(join(tmpdir(), 'sh-account-security-'));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const log = join(temp, 'server.log');
	const fd = openSync(log, 'a');
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
	for (const key of Object.keys(env))
		if (key.startsWith('VITEST') || key === 'TEST' || key === 'ADDRESS_HEADER' || key === 'XFF_DEPTH' || key === 'SIGN_IN_ATTEMPTS_PER_MINUTE') delete env[key];
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		cwd: root,
		env: { ...env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: url, DATA_DIR: join(temp, 'data'), DATABASE_URL: '', SMTP_URL: '', SEED_DEMO: 'auto', STAFF_TWO_FACTOR_ROLES: 'admin,programme_officer,reviewer', MIGRATIONS_DIR: join(root, 'drizzle') },
		stdio: ['ignore', fd, fd]
	});
	closeSync(fd);
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the hub exited:\n${readFileSync(log, 'utf8').slice(-3000)}`);
		const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
		if (ok) return { url, child, log, temp };
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`the hub did not become healthy:\n${readFileSync(log, 'utf8').slice(-3000)}`);
}

async function stop(p: Private | undefined) {
	if (!p) return;
	if (p.child.exitCode === null && p.child.signalCode === null) {
		const exited = new Promise<void>((r) => p.child.once('exit', () => r()));
		p.child.kill('SIGTERM');
		const timer = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(timer);
	}
	rmSync(p.temp, { recursive: true, force: true });
}

const hubs = useHub();
let hub: Private;
beforeAll(async () => {
	hub = await startDefaultHub();
}, 150_000);
afterAll(() => stop(hub));

/** Posts the hub's sign-in form as a browser without scripts would. */
const postSignIn = (email: string, password: string, headers: Record<string, string> = {}) =>
	fetch(`${hub.url}/sign-in`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: hub.url, accept: 'text/html', ...headers },
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});

/** A page of its own on the private hub (its own cookies). */
async function privatePage(): Promise<Page> {
	const context = await hubs.current.browser.newContext({ baseURL: hub.url, viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	page.setDefaultTimeout(15_000);
	return page;
}

const totpOf = (base32: string) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(base32), digits: 6, period: 30 });

// Fewer than five sign-ins in all: the hub's default per-address limit is in force.
describe('staff need a second factor', () => {
	it('a reviewer without one is sent to set it up, the API says why, and once it is on the hub opens', async () => {
		const page = await privatePage();
		await signIn(page, demo('reviewer'), DEMO_PASSWORD, '/settings/security');
		const t = await pageMessages(page);
		await expectVisible(heading(page, t.second_factor_required_title));
		const api = await page.request.get(`${hub.url}/api/v1/organisations`);
		expect(api.status()).toBe(403);
		expect((await api.json()).error.code).toBe('SECOND_FACTOR_REQUIRED');
		await page.goto('/grants');
		expect(new URL(page.url()).pathname).toBe('/settings/security');

		await page.getByLabel(t.field_password).fill(DEMO_PASSWORD);
		await arrive(page, '/settings/security', () => page.getByRole('button', { name: t.two_factor_enable }).click());
		const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
		await page.getByLabel(t.field_code).fill(totpOf(secret).generate());
		await arrive(page, '/settings/security', () => page.getByRole('button', { name: t.verify }).click());
		await expectVisible(page.getByRole('status').filter({ hasText: t.two_factor_on }));
		await visit(page, '/directory');
		expect((await page.request.get(`${hub.url}/api/v1/organisations`)).status()).toBe(200);
		await page.context().close();
	});

	it('the demo admin signs in with the documented authenticator key and reaches the admin pages', async () => {
		const page = await privatePage();
		await signIn(page, demo('admin'), DEMO_PASSWORD, '/sign-in/two-factor');
		// The README's key for the demo admin; the code of the next step, in case this one was used.
		const code = totpOf('KN2XA4DPOJ2EQ5LCIRSW232BMRWWS3SUN52HAU3FMNZGK5BQGAYQ').generate({ timestamp: Date.now() + 30_000 });
		const t = await pageMessages(page);
		await page.getByLabel(t.field_code).fill(code);
		await arrive(page, '/', () => page.getByRole('button', { name: t.verify }).click());
		await visit(page, '/admin/users');
		await expectAccessible(page);
		await page.context().close();
	});
});

describe('sign-in limits that a forged address does not dodge', () => {
	it('a new X-Forwarded-For value on every guess is still limited, with 429 and Retry-After', async () => {
		const statuses: number[] = [];
		let retryAfter: string | null = null;
		for (let i = 0; i < 8; i++) {
			const res = await postSignIn(`nobody-${i}@example.org`, `guess number ${i} here`, { 'x-forwarded-for': `198.51.100.${i + 1}` });
			statuses.push(res.status);
			if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
			await res.body?.cancel();
		}
		// Five attempts a minute per address by default (the journeys above used some of this minute's):
		// the rest are refused, whatever the header says.
		expect(statuses.every((s) => s === 401 || s === 429), statuses.join()).toBe(true);
		expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
		expect(statuses.slice(5)).toEqual([429, 429, 429]);
		expect(Number(retryAfter)).toBeGreaterThan(0);
	});
});


describe('confirming who you are', () => {
	it('a person confirms with their password and is taken back; a wrong one is said so in their language', async () => {
		const page = await hubs.current.newPage();
		const person = newPerson('member');
		await signUpAndVerify(page, person);
		await visit(page, '/settings/confirm?next=%2Fsettings%2Fdata');
		await expectVisible(heading(page, en.confirm_title));
		await page.getByLabel(en.field_password).fill('not my password at all');
		await arrive(page, '/settings/confirm', () => page.getByRole('button', { name: en.confirm_button }).click());
		await expectVisible(page.getByText(en.privacy_wrong_password).first());
		await page.getByLabel(en.field_password).fill(person.password);
		await arrive(page, '/settings/data', () => page.getByRole('button', { name: en.confirm_button }).click());
		await expectVisible(page.getByRole('link', { name: en.privacy_export_button }));
	});

	it('changing the password asks for the current one and follows the password rules', async () => {
		const page = await hubs.current.newPage();
		const person = newPerson('member');
		await signUpAndVerify(page, person);
		await visit(page, '/settings/security');
		await arrive(page, '/settings/password', () => page.getByRole('link', { name: en.password_change_heading }).click());
		await page.getByLabel(en.password_current).fill(person.password);
		await page.locator('#f-pw-newPassword').fill('password1234');
		await arrive(page, '/settings/password', () => page.getByRole('button', { name: en.password_change_button }).click());
		await expectVisible(page.getByText(en.hardening_password_common).first());
		await page.getByLabel(en.password_current).fill(person.password);
		await page.locator('#f-pw-newPassword').fill('lantern harbour quietly');
		await arrive(page, '/settings/password', () => page.getByRole('button', { name: en.password_change_button }).click());
		await expectVisible(page.getByRole('status').filter({ hasText: en.password_changed }));
	});
});

describe('the auth library’s endpoints, whoever asks', () => {
	it('are closed to anonymous visitors, members and admins alike; only the e-mail links answer', async () => {
		const cookiesOf = async (email: string) => {
			const page = await hubs.current.newPage();
			await signIn(page, email, DEMO_PASSWORD);
			const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
			await page.context().close();
			return cookies;
		};
		const who = { anonymous: '', member: await cookiesOf(demo('member')), admin: await cookiesOf(demo('admin')) };
		const closed: [string, string][] = [
			['POST', '/api/auth/sign-in/email'], ['POST', '/api/auth/sign-up/email'], ['POST', '/api/auth/sign-out'],
			['GET', '/api/auth/get-session'], ['GET', '/api/auth/list-sessions'], ['POST', '/api/auth/revoke-sessions'],
			['POST', '/api/auth/update-user'], ['POST', '/api/auth/change-password'], ['POST', '/api/auth/set-password'],
			['POST', '/api/auth/change-email'], ['POST', '/api/auth/delete-user'], ['POST', '/api/auth/request-password-reset'],
			['POST', '/api/auth/reset-password'], ['POST', '/api/auth/two-factor/enable'], ['POST', '/api/auth/two-factor/disable'],
			['POST', '/api/auth/two-factor/verify-totp'], ['POST', '/api/auth/two-factor/generate-backup-codes'], ['GET', '/api/auth/ok']
		];
		for (const [role, cookie] of Object.entries(who))
			for (const [method, path] of closed) {
				const res = await fetch(baseURL + path, {
					method,
					headers: { 'content-type': 'application/json', origin: baseURL, ...(cookie ? { cookie } : {}) },
					body: method === 'POST' ? '{}' : undefined,
					redirect: 'manual'
				});
				expect(res.status, `${role} ${method} ${path}`).toBe(404);
				expect((await res.json()).error.code).toBe('NOT_FOUND');
			}
		// The e-mail links answer (here: an unknown token is sent back with an error, not a 404).
		const link = await fetch(`${baseURL}/api/auth/reset-password/unknown-token?callbackURL=%2Freset-password`, { redirect: 'manual' });
		expect(link.status).not.toBe(404);
	});
});
