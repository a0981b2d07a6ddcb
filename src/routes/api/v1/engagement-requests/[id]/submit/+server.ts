import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getRequest } from '#lib/server/engagement/get-request.ts';
import { requestJson } from '#lib/server/engagement/json.ts';
import { submitRequest } from '#lib/server/engagement/submit-request.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ params }, actor) => {
	const db = getApp().database.db;
	await submitRequest(db, actor, params.id);
	return json(requestJson(await getRequest(db, actor, params.id)));
});
