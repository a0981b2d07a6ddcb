import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import { setIndicator } from '#lib/server/insight/set-indicator.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ params, request }, actor) =>
	json(await setIndicator(getApp().database.db, actor, params.type, params.id, await readJson(request)), { status: 201 })
);
