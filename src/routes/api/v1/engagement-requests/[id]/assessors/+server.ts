import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { assignAssessors } from '#lib/server/engagement/assign-assessors.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ params, request }, actor) =>
	json(await assignAssessors(getApp().database.db, actor, params.id, await readJson(request)))
);
