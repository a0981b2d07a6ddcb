import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { awardGrant } from '#lib/server/grants/award-grant.ts';
import { applicationJson } from '#lib/server/grants/serialize.ts';
import { transitionApplication } from '#lib/server/grants/transition-application.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ params, request }, actor) => {
	const db = getApp().database.db;
	const body = await readJson(request);
	if (body.transition === 'award') {
		const award = await awardGrant(db, actor, params.id, body);
		return json({ award: { id: award.id, amount: award.amount, currency: award.currency, conditions: award.conditions } });
	}
	return json(applicationJson(await transitionApplication(db, actor, params.id, body)));
});
