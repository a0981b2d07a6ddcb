import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { createAgreement } from '#lib/server/directory/create-agreement.ts';
import { listAgreements } from '#lib/server/directory/list-agreements.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) =>
	json({ items: await listAgreements(getApp().database.db, actor, params.id) })
);

export const POST: RequestHandler = api(async ({ params, request }, actor) =>
	json(await createAgreement(getApp().database.db, actor, params.id, await readJson(request)), { status: 201 })
);
