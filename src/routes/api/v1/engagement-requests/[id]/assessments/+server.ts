import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getConsolidation } from '#lib/server/engagement/get-consolidation.ts';
import { consolidationJson } from '#lib/server/engagement/json.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) =>
	json(consolidationJson(await getConsolidation(getApp().database.db, actor, params.id)))
);
