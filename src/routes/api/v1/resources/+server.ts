import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import { listResources } from '#lib/server/toolkit/list-resources.ts';
import { createResource } from '#lib/server/toolkit/save-resource.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ url, locals }) => {
	const r = await listResources(getApp().database.db, Object.fromEntries(url.searchParams), locals.locale);
	return json({ items: r.items, total: r.total, page: r.page, pageSize: r.pageSize });
});

/** Items with a link or text only; files are uploaded through the library's form. */
export const POST: RequestHandler = api(async ({ request }, actor) => {
	const { search: _s, storageKey: _k, ...r } = await createResource(getApp().database.db, actor, await readJson(request));
	return json(r, { status: 201 });
});
