import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import { listFaqs } from '#lib/server/toolkit/list-faqs.ts';
import { createFaq } from '#lib/server/toolkit/save-faq.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ url, locals }) => {
	const r = await listFaqs(getApp().database.db, Object.fromEntries(url.searchParams), locals.locale);
	return json({ items: r.items });
});

export const POST: RequestHandler = api(async ({ request }, actor) => {
	const { search: _s, ...f } = await createFaq(getApp().database.db, actor, await readJson(request));
	return json(f, { status: 201 });
});
