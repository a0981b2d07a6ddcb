import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api } from '#lib/server/http/edge.ts';
import { campaignPlanFromStrategy } from '#lib/server/toolkit/campaign-plan-from-strategy.ts';
import { getStrategy } from '#lib/server/toolkit/get-strategy.ts';
import type { RequestHandler } from './$types';

/** The plan as a mini-grant application would receive it (read only). */
export const GET: RequestHandler = api(async ({ params }, actor) => {
	const v = await getStrategy(getApp().database.db, actor, params.id);
	return json(campaignPlanFromStrategy({ id: v.strategy.id, organisationId: v.strategy.organisationId, steps: Object.fromEntries(Object.entries(v.steps).map(([k, s]) => [k, s.content])), activities: v.activities }));
});
