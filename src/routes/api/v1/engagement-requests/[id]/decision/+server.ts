import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { decideRequest } from '#lib/server/engagement/decide-request.ts';
import { getRequest } from '#lib/server/engagement/get-request.ts';
import { requestJson } from '#lib/server/engagement/json.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ params, request, url }, actor) => {
	const db = getApp().database.db;
	await decideRequest(db, actor, params.id, await readJson(request), { origin: url.origin });
	return json(requestJson(await getRequest(db, actor, params.id)));
});
