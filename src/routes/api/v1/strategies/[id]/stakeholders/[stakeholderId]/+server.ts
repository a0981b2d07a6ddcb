import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import { removePlanItem } from '#lib/server/toolkit/remove-plan-item.ts';
import { moveStakeholder, updateStakeholder } from '#lib/server/toolkit/update-stakeholder.ts';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = api(async ({ params, request }, actor) =>
	json(await updateStakeholder(getApp().database.db, actor, params.id, params.stakeholderId, await readJson(request)))
);

export const DELETE: RequestHandler = api(async ({ params }, actor) => json(await removePlanItem(getApp().database.db, actor, params.id, 'stakeholder', params.stakeholderId)));

/** A move on the power map: only the position and the power change. */
export const PATCH: RequestHandler = api(async ({ params, request }, actor) =>
	json(await moveStakeholder(getApp().database.db, actor, params.id, params.stakeholderId, await readJson(request)))
);
