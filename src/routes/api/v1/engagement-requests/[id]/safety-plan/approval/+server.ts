import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { approveSafetyPlan } from '#lib/server/engagement/approve-safety-plan.ts';
import { getSafetyPlan } from '#lib/server/engagement/get-safety-plan.ts';
import { safetyPlanJson } from '#lib/server/engagement/json.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ params }, actor) => {
	const db = getApp().database.db;
	await approveSafetyPlan(db, actor, params.id);
	return json(safetyPlanJson(await getSafetyPlan(db, actor, params.id)));
});
