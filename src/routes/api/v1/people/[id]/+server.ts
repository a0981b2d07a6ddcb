import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getPerson } from '#lib/server/directory/get-person.ts';
import { updatePerson } from '#lib/server/directory/update-person.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) => json(await getPerson(getApp().database.db, actor, params.id)));

export const PATCH: RequestHandler = api(async ({ params, request }, actor) =>
	json(await updatePerson(getApp().database.db, actor, params.id, await readJson(request)))
);
