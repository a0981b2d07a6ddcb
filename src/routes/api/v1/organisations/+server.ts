import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { organisationJson } from '#lib/server/api/serialize.ts';
import { createOrganisation } from '#lib/server/directory/create-organisation.ts';
import { listOrganisations } from '#lib/server/directory/list-organisations.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ url, locals }, actor) => {
	const r = await listOrganisations(getApp().database.db, actor, Object.fromEntries(url.searchParams), locals.locale);
	return json({ items: r.items, total: r.total, totalExact: r.totalExact, page: r.page, pageSize: r.pageSize });
});

export const POST: RequestHandler = api(async ({ request }, actor) => {
	const org = await createOrganisation(getApp().database.db, actor, await readJson(request));
	return json(organisationJson(org), { status: 201 });
});
