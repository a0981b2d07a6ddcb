import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { organisationJson } from '#lib/server/api/serialize.ts';
import { getOrganisation } from '#lib/server/directory/get-organisation.ts';
import { updateOrganisation } from '#lib/server/directory/update-organisation.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) => {
	const { org } = await getOrganisation(getApp().database.db, actor, params.id);
	return json(organisationJson(org));
});

export const PATCH: RequestHandler = api(async ({ params, request }, actor) => {
	const org = await updateOrganisation(getApp().database.db, actor, params.id, await readJson(request));
	return json(organisationJson(org));
});
