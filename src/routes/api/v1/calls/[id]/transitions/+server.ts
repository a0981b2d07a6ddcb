import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { changeCallStatus } from '#lib/server/grants/change-call-status.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ params, request }, actor) => {
	const r = await changeCallStatus(getApp().database.db, actor, params.id, await readJson(request));
	return json({ status: r.call.status, version: r.call.version, publishedVersion: r.call.publishedVersion, draftHoldersTold: r.told });
});
