import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import { addStakeholder } from '#lib/server/toolkit/add-stakeholder.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ params, request }, actor) => json(await addStakeholder(getApp().database.db, actor, params.id, await readJson(request)), { status: 201 }));
