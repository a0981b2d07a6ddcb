import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { guardInput } from './input-guard.ts';

type Event = Parameters<typeof guardInput>[0]['event'];

/** Runs the guard on a request; says what reached the route, or how the guard answered. */
async function guard(request: Request) {
	const event = { url: new URL(request.url), request, params: {} } as unknown as Event;
	let reached: Request | undefined;
	try {
		const response = await guardInput({ event, resolve: async (e) => ((reached = e.request), new Response('ok')) });
		return { reached, status: reached ? 200 : response.status };
	} catch (e) {
		if (isHttpError(e)) return { reached, status: e.status };
		throw e;
	}
}

const post = (path: string, body: BodyInit, type: string) => new Request(`http://hub.test${path}`, { method: 'POST', body, headers: { 'content-type': type } });

describe('the edge guard', () => {
	it('drops a form field named __proto__ and keeps the rest', async () => {
		const { reached } = await guard(post('/settings/notifications', '__proto__=x&assigned=daily&__pro%00to__=y', 'application/x-www-form-urlencoded'));
		expect([...new URLSearchParams(await reached!.text())]).toEqual([['assigned', 'daily']]);
	});

	it('drops it from a multipart form too', async () => {
		const form = new FormData();
		form.append('__proto__', 'x');
		form.append('title', 'Kept');
		const { reached } = await guard(new Request('http://hub.test/library/new', { method: 'POST', body: form }));
		expect([...(await reached!.formData())]).toEqual([['title', 'Kept']]);
	});

	it('refuses JSON holding a __proto__ key, naming it', async () => {
		const { status } = await guard(post('/api/v1/organisations', '{"name":"x","__proto__":{"role":"admin"}}', 'application/json'));
		expect(status).toBe(400);
	});

	it('refuses a multipart body that is not what its header says', async () => {
		const { status, reached } = await guard(post('/library/new', '--other\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--other--\r\n', 'multipart/form-data; boundary=expected'));
		expect(reached).toBeUndefined();
		expect(status).toBe(400);
	});
});
