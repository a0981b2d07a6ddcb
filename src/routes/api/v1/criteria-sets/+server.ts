import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { createCriteriaVersion } from '#lib/server/engagement/create-criteria-version.ts';
import { listCriteriaSets } from '#lib/server/engagement/list-criteria-sets.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async (_event, actor) => json({ items: await listCriteriaSets(getApp().database.db, actor) }));

export const POST: RequestHandler = api(async ({ request }, actor) =>
	json(await createCriteriaVersion(getApp().database.db, actor, await readJson(request)), { status: 201 })
);
