import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getCallDefinition } from '#lib/server/grants/get-call-definition.ts';
import { putCall } from '#lib/server/grants/update-call.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) => json(await getCallDefinition(getApp().database.db, actor, params.id)));

export const PUT: RequestHandler = api(async ({ params, request }, actor) => {
	const db = getApp().database.db;
	const call = await putCall(db, actor, params.id, await readJson(request));
	return json(await getCallDefinition(db, actor, call.id));
});
