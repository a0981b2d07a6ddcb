import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api } from '#lib/server/http/edge.ts';
import { getInsight } from '#lib/server/insight/get-insight.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ url }, actor) => {
	const { programmes: _p, areas, ...figures } = await getInsight(getApp().database.db, actor, Object.fromEntries(url.searchParams));
	return json({ ...figures, areas });
});
