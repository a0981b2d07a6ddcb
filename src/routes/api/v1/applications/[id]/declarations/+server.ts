import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { declareInterest } from '#lib/server/grants/declare-interest.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ params, request }, actor) => {
	const a = await declareInterest(getApp().database.db, actor, params.id, await readJson(request));
	return json({ status: a.status }, { status: 201 });
});
