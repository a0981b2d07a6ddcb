// The JSON API through the real server: a staff member makes a personal token in the settings
// page and a script uses it; bad input and missing credentials get 4xx answers, never a 500.
import { describe, expect, it } from 'vitest';
import { baseURL, DEMO_PASSWORD, demo, en, expectAccessible, useHub, signIn, uniqueWord, visit } from './helpers.ts';

const hubs = useHub();
let token = '';

const call = (path: string, init: RequestInit = {}, bearer = token) =>
	fetch(baseURL + path, {
		...init,
		headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(init.headers ?? {}) }
	});

describe('API with a personal token', () => {
	it('a programme officer creates a token in the settings; it is shown once', async () => {
		const page = await hubs.current.newPage();
		await signIn(page, demo('officer'), DEMO_PASSWORD);
		await visit(page, '/settings/tokens');
		await expectAccessible(page);
		await page.getByLabel(en.token_name).fill('reporting script');
		await page.getByRole('button', { name: en.token_create }).click();
		token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
		expect(token).toMatch(/^shk_/);
		await expectAccessible(page);
		await page.context().close();
	});

	it('without a token or with a wrong one the API answers 401 in JSON', async () => {
		expect((await call('/api/v1/organisations', {}, '')).status).toBe(401);
		const wrong = await call('/api/v1/organisations', {}, 'shk_not-a-real-token');
		expect(wrong.status).toBe(401);
		expect((await wrong.json()).error.code).toBe('UNAUTHENTICATED');
	});

	it('creates, reads, updates and searches an organisation', async () => {
		const word = uniqueWord();
		const created = await call('/api/v1/organisations', {
			method: 'POST',
			body: JSON.stringify({ name: `API Partner ${word}`, kind: 'media', country: 'BR', region: 'latin_america_caribbean', languages: ['pt'], description: `Reporters ${word}` })
		});
		expect(created.status).toBe(201);
		const org = await created.json();
		expect(org).toMatchObject({ name: `API Partner ${word}`, country: 'BR', sensitive: false });
		expect(org.search).toBeUndefined();

		const patched = await call(`/api/v1/organisations/${org.id}`, { method: 'PATCH', body: JSON.stringify({ website: 'https://reporters.example.org' }) });
		expect(patched.status).toBe(200);
		expect(await patched.json()).toMatchObject({ website: 'https://reporters.example.org', description: `Reporters ${word}` });

		const found = await (await call(`/api/v1/organisations?q=${word}`)).json();
		expect(found.items.map((o: { id: string }) => o.id)).toEqual([org.id]);

		const person = await call(`/api/v1/organisations/${org.id}/people`, { method: 'POST', body: JSON.stringify({ name: 'Ana', email: 'ana@example.org' }) });
		expect(person.status).toBe(201);
		const agreement = await call(`/api/v1/organisations/${org.id}/agreements`, {
			method: 'POST',
			body: JSON.stringify({ title: 'MoU', scopes: ['learning'], startDate: '2026-01-01', status: 'active' })
		});
		expect(agreement.status).toBe(201);
		const listed = await (await call(`/api/v1/organisations/${org.id}/agreements`)).json();
		expect(listed.items[0]).toMatchObject({ title: 'MoU', displayStatus: 'active' });
	});

	it('bad input gets 400 with a message per field, and nothing is created', async () => {
		const before = (await (await call('/api/v1/organisations?q=zzinvalidzz')).json()).total;
		const bad = await call('/api/v1/organisations', { method: 'POST', body: JSON.stringify({ name: '', kind: 'cult', country: 'XX' }) });
		expect(bad.status).toBe(400);
		const body = await bad.json();
		expect(body.error.code).toBe('INVALID_INPUT');
		expect(Object.keys(body.error.fields).sort()).toEqual(['country', 'kind', 'name', 'region']);
		expect(body.error.fields.name).toEqual([en.v_required]);
		expect((await (await call('/api/v1/organisations?q=zzinvalidzz')).json()).total).toBe(before);

		const notJson = await call('/api/v1/organisations', { method: 'POST', body: '{not json' });
		expect(notJson.status).toBe(400);
		expect((await call('/api/v1/organisations?page=0')).status).toBe(400);
		expect((await call('/api/v1/organisations/not-a-uuid')).status).toBe(404);
		expect((await call('/api/v1/agreements/00000000-0000-4000-8000-000000000000')).status).toBe(404);
	});

	it('the OpenAPI document describes the API', async () => {
		const doc = await (await fetch(baseURL + '/api/openapi.json')).json();
		expect(doc.openapi).toMatch(/^3\./);
		expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/organisations', '/api/v1/organisations/{id}', '/api/v1/agreements/{id}', '/api/v1/people/{id}']));
	});

	it('/healthz reports the embedded database', async () => {
		const health = await (await fetch(baseURL + '/healthz')).json();
		expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
	});
});
