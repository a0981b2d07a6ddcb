import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import { listResources } from '#lib/server/toolkit/list-resources.ts';
import { createResource, resourceJson } from '#lib/server/toolkit/save-resource.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ url, locals }) => {
	const r = await listResources(getApp().database.db, Object.fromEntries(url.searchParams), locals.locale);
	return json({ items: r.items, total: r.total, page: r.page, pageSize: r.pageSize });
});

/** Items with links or text only, in one to three languages; files are uploaded through the library's form. */
export const POST: RequestHandler = api(async ({ request }, actor) => {
	return json(resourceJson(await createResource(getApp().database.db, actor, await readJson(request))), { status: 201 });
});
