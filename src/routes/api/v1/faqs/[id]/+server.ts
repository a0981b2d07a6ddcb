import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import { getFaq } from '#lib/server/toolkit/list-faqs.ts';
import { deleteFaq, updateFaq } from '#lib/server/toolkit/save-faq.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }) => json(await getFaq(getApp().database.db, params.id)));

export const PUT: RequestHandler = api(async ({ params, request }, actor) => {
	const { search: _s, ...f } = await updateFaq(getApp().database.db, actor, params.id, await readJson(request));
	return json(f);
});

export const DELETE: RequestHandler = api(async ({ params }, actor) => json(await deleteFaq(getApp().database.db, actor, params.id)));
