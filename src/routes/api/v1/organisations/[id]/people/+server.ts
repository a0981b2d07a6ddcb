import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { addPerson } from '#lib/server/directory/add-person.ts';
import { listPeople } from '#lib/server/directory/list-people.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) =>
	json({ items: await listPeople(getApp().database.db, actor, params.id) })
);

export const POST: RequestHandler = api(async ({ params, request }, actor) =>
	json(await addPerson(getApp().database.db, actor, params.id, await readJson(request)), { status: 201 })
);
