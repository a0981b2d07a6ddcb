import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { defineCallTelling } from '#lib/server/grants/define-call.ts';
import { listOpenCalls } from '#lib/server/grants/list-open-calls.ts';
import { callJson } from '#lib/server/grants/serialize.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async () => {
	const rows = await listOpenCalls(getApp().database.db);
	return json({ items: rows.map((r) => callJson(r.call)) });
});

export const POST: RequestHandler = api(async ({ request }, actor) => {
	const { call, created } = await defineCallTelling(getApp().database.db, actor, await readJson(request));
	return json(callJson(call), { status: created ? 201 : 200 });
});
