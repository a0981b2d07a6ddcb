import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getSafetyPlan } from '#lib/server/engagement/get-safety-plan.ts';
import { safetyPlanJson } from '#lib/server/engagement/json.ts';
import { saveSafetyPlan } from '#lib/server/engagement/save-safety-plan.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) => json(safetyPlanJson(await getSafetyPlan(getApp().database.db, actor, params.id))));

export const PUT: RequestHandler = api(async ({ params, request }, actor) => {
	const db = getApp().database.db;
	await saveSafetyPlan(db, actor, params.id, await readJson(request));
	return json(safetyPlanJson(await getSafetyPlan(db, actor, params.id)));
});
