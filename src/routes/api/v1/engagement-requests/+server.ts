import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { createRequest } from '#lib/server/engagement/create-request.ts';
import { getRequest } from '#lib/server/engagement/get-request.ts';
import { requestJson } from '#lib/server/engagement/json.ts';
import { listRequests } from '#lib/server/engagement/list-requests.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ url }, actor) => {
	const r = await listRequests(getApp().database.db, actor, Object.fromEntries(url.searchParams));
	return json({ items: r.items, total: r.total, page: r.query.page, pageSize: r.query.pageSize });
});

export const POST: RequestHandler = api(async ({ request }, actor) => {
	const db = getApp().database.db;
	const created = await createRequest(db, actor, await readJson(request));
	return json(requestJson(await getRequest(db, actor, created.id)), { status: 201 });
});
