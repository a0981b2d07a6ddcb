// Account security against a hub running with its default settings (its own server, on its own
// embedded database, so the strict limits touch no other journey): rotating X-Forwarded-For
// values do not dodge the sign-in limit when no proxy header is configured. On the shared hub: the
// page where a signed-in person confirms who they are, and changing one's password.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrive, en, expectVisible, heading, newPerson, signUpAndVerify, useHub, visit } from './helpers.ts';

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
		env: { ...env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: url, DATA_DIR: join(temp, 'data'), DATABASE_URL: '', SMTP_URL: '', SEED_DEMO: 'auto', MIGRATIONS_DIR: join(root, 'drizzle') },
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
		// Five attempts a minute per address by default: the rest are refused, whatever the header says.
		expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
		expect(statuses.slice(5)).toEqual([429, 429, 429]);
		expect(Number(retryAfter)).toBeGreaterThan(0);
	});
});

const hubs = useHub();

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
		await page.getByLabel(en.password_current).fill(person.password);
		await page.locator('#f-pw-newPassword').fill('password1234');
		await arrive(page, '/settings/security', () => page.getByRole('button', { name: en.password_change_button }).click());
		await expectVisible(page.getByText(en.hardening_password_common).first());
		await page.getByLabel(en.password_current).fill(person.password);
		await page.locator('#f-pw-newPassword').fill('lantern harbour quietly');
		await arrive(page, '/settings/security', () => page.getByRole('button', { name: en.password_change_button }).click());
		await expectVisible(page.getByRole('status').filter({ hasText: en.password_changed }));
	});
});
