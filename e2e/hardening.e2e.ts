// A hostile client against the real server: characters no field may hold, ids that are not ids,
// absurd page numbers, redirects off-site and the auth library's own endpoints. Every answer is a
// 4xx or a safe redirect — never a 500 — and a refused request changes nothing.
import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseURL, DEMO_PASSWORD, demo, en, signIn, uniqueWord, useHub } from './helpers.ts';

const hubs = useHub();

async function adminRequest(): Promise<APIRequestContext> {
	const page = await hubs.current.newPage();
	await signIn(page, demo('admin'), DEMO_PASSWORD);
	return page.request;
}
const same = { origin: baseURL };
// Kit answers a form post that accepts anything with JSON; a browser without scripts asks for HTML.
const asForm = { origin: baseURL, accept: 'text/html' };

describe('ids and addresses that are not what they claim', () => {
	it('a NUL or a malformed id in the path is a 404, on pages and the API', async () => {
		const r = await adminRequest();
		for (const path of ['/calls/%00', '/events/not-a-uuid', '/directory/-1', '/requests/__proto__', '/toolkit/%00/power-map'])
			expect((await r.get(baseURL + path, { maxRedirects: 0 })).status(), path).toBe(404);
		const del = await r.delete(`${baseURL}/api/v1/registrations/not-a-uuid`, { headers: same });
		expect(del.status()).toBe(404);
		expect((await del.json()).error.code).toBe('NOT_FOUND');
	});

	it('absurd page numbers are clamped', async () => {
		const r = await adminRequest();
		for (const path of ['/admin/users?page=1e309', '/admin/outbox?page=-1', '/directory?page=1e309', '/api/v1/grants?page=1e309'])
			expect((await r.get(baseURL + path, { maxRedirects: 0 })).status(), path).toBeLessThan(500);
	});

	it('a redirect parameter never leaves the site, however it is encoded', async () => {
		const r = await adminRequest();
		for (const next of ['/%09/evil.example', '//evil.example', '/%5Cevil.example', '/%0d%0a/evil.example']) {
			const signedIn = await r.get(`${baseURL}/sign-in?next=${next}`, { maxRedirects: 0 });
			expect(signedIn.status(), next).toBe(303);
			expect(signedIn.headers().location, next).toBe('/');
		}
		const lang = await r.post(`${baseURL}/language`, { form: { locale: 'en', next: '/\t/evil.example' }, headers: asForm, maxRedirects: 0 });
		expect(lang.status()).toBe(303);
		expect(lang.headers().location).toBe('/');
	});
});

describe('text no field may hold', () => {
	it('the API refuses a NUL or a lone surrogate with its error shape, naming the field, and saves nothing', async () => {
		const r = await adminRequest();
		const word = uniqueWord();
		for (const body of [`{"name":"NUL ${word}\\u0000","kind":"media","country":"BR","region":"latin_america_caribbean"}`, `{"name":"Half ${word}\\ud800","kind":"media","country":"BR","region":"latin_america_caribbean"}`]) {
			const res = await r.post(`${baseURL}/api/v1/organisations`, { data: body, headers: { ...same, 'content-type': 'application/json' } });
			expect(res.status()).toBe(400);
			const { error } = await res.json();
			expect(error.code).toBe('INVALID_INPUT');
			expect(error.fields.name).toEqual([en.hardening_input_refused]);
		}
		const found = await (await r.get(`${baseURL}/api/v1/organisations?q=${word}`)).json();
		expect(JSON.stringify(found)).not.toContain(word);
	});

	it('a form with a NUL is saved without it instead of failing', async () => {
		const r = await adminRequest();
		const res = await r.post(`${baseURL}/language`, { form: { locale: 'e\u0000s', next: '/directory' }, headers: asForm, maxRedirects: 0 });
		expect(res.status()).toBe(303);
		// The cleaned value is a real language: the hub now answers in Spanish.
		expect(res.headers()['set-cookie']).toMatch(/=es/);
		await r.post(`${baseURL}/language`, { form: { locale: 'en', next: '/' }, headers: asForm, maxRedirects: 0 });
	});

	it('an over-long form body is refused with 413, not parsed', async () => {
		const res = await fetch(`${baseURL}/language`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseURL },
			body: 'locale=en&next=' + 'a'.repeat(1_100_000)
		});
		expect(res.status).toBe(413);
	});
});

describe('the auth library behind the hub', () => {
	it('endpoints the hub does not use are closed, whatever the forwarded address', async () => {
		for (const [path, body] of [
			['/api/auth/sign-up/email', { name: 'x'.repeat(200_000), email: `${uniqueWord()}@example.org`, password: 'long enough password', timeZone: 'Not/AZone' }],
			['/api/auth/update-user', { timeZone: 'Not/AZone', locale: '<script>' }],
			['/api/auth/sign-in/email', { email: demo('admin'), password: 'wrong password' }]
		] as const) {
			for (let i = 0; i < 3; i++) {
				const res = await fetch(baseURL + path, {
					method: 'POST',
					headers: { 'content-type': 'application/json', origin: baseURL, 'x-forwarded-for': `203.0.113.${i + 1}` },
					body: JSON.stringify(body)
				});
				expect(res.status, path).toBe(404);
			}
		}
	});
});

describe('origins and headers', () => {
	it('a JSON API write with the session cookie from another site is refused and changes nothing', async () => {
		const r = await adminRequest();
		const word = uniqueWord();
		const body = { name: `Cross ${word}`, kind: 'media', country: 'BR', region: 'latin_america_caribbean', languages: ['pt'], description: 'x' };
		const res = await r.post(`${baseURL}/api/v1/organisations`, { data: body, headers: { origin: 'https://evil.example' } });
		expect(res.status()).toBe(403);
		expect((await res.json()).error.code).toBe('FORBIDDEN');
		const found = await (await r.get(`${baseURL}/api/v1/organisations?q=${word}`)).json();
		expect(JSON.stringify(found)).not.toContain(word);
	});

	it('links that carry a personal token are never sent to another site; static files carry the same protective headers', async () => {
		const invitation = await fetch(`${baseURL}/invitations/${uniqueWord()}`);
		expect(invitation.headers.get('referrer-policy')).toBe('same-origin');
		const page = await fetch(`${baseURL}/`);
		expect(page.headers.get('referrer-policy')).toBe('same-origin');
		const asset = await fetch(`${baseURL}/favicon.svg`);
		expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
		expect(asset.headers.get('x-frame-options')).toBe('DENY');
	});

	it('a page opened again keeps its styles: the 304 that answers it carries no CSP to replace the page’s own', async () => {
		const first = await fetch(`${baseURL}/library`);
		const etag = first.headers.get('etag');
		expect(etag).toBeTruthy();
		const again = await fetch(`${baseURL}/library`, { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		expect(again.headers.get('content-security-policy')).toBeNull();

		const page = await hubs.current.newPage();
		const blocked: string[] = [];
		// A request cut short by the next navigation (the icon, say) is aborted, not blocked.
		page.on('requestfailed', (r) => {
			if (r.failure()?.errorText !== 'net::ERR_ABORTED') blocked.push(`${r.url()} ${r.failure()?.errorText}`);
		});
		for (let visit = 0; visit < 2; visit++) {
			await page.goto('/library');
			expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(/^"?Times/);
		}
		expect(blocked).toEqual([]);
		await page.context().close();
	});
});
