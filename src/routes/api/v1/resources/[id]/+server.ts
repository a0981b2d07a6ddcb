import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import { getResource } from '#lib/server/toolkit/get-resource.ts';
import { deleteResource, resourceJson, updateResource } from '#lib/server/toolkit/save-resource.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }) => json(await getResource(getApp().database.db, params.id)));

export const PUT: RequestHandler = api(async ({ params, request }, actor) => {
	return json(resourceJson(await updateResource(getApp().database.db, actor, params.id, await readJson(request))));
});

export const DELETE: RequestHandler = api(async ({ params }, actor) => {
	const app = getApp();
	return json(await deleteResource(app.database.db, actor, params.id, { files: app.files }));
});
