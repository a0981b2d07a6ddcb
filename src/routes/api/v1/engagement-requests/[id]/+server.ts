import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getRequest } from '#lib/server/engagement/get-request.ts';
import { requestJson } from '#lib/server/engagement/json.ts';
import { updateRequest } from '#lib/server/engagement/update-request.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) => json(requestJson(await getRequest(getApp().database.db, actor, params.id))));

export const PATCH: RequestHandler = api(async ({ params, request }, actor) => {
	const db = getApp().database.db;
	await updateRequest(db, actor, params.id, await readJson(request));
	return json(requestJson(await getRequest(db, actor, params.id)));
});
