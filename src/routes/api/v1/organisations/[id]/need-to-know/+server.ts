import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { addToNeedToKnow } from '#lib/server/directory/add-to-need-to-know.ts';
import { listNeedToKnow } from '#lib/server/directory/list-need-to-know.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) =>
	json({ items: (await listNeedToKnow(getApp().database.db, actor, params.id)).people })
);

export const POST: RequestHandler = api(async ({ params, request }, actor) =>
	json(await addToNeedToKnow(getApp().database.db, actor, params.id, await readJson(request)), { status: 201 })
);
