import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import { reportActual } from '#lib/server/insight/report-actual.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ params, request }, actor) =>
	json(await reportActual(getApp().database.db, actor, params.id, await readJson(request)), { status: 201 })
);
