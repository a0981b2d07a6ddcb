import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getAgreement } from '#lib/server/directory/get-agreement.ts';
import { updateAgreement } from '#lib/server/directory/update-agreement.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) => {
	const { agreement, documents } = await getAgreement(getApp().database.db, actor, params.id);
	return json({ ...agreement, documents: documents.map(({ storageKey: _k, ...d }) => d) });
});

export const PATCH: RequestHandler = api(async ({ params, request }, actor) =>
	json(await updateAgreement(getApp().database.db, actor, params.id, await readJson(request)))
);
