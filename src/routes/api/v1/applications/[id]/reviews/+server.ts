import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { submitReview } from '#lib/server/grants/submit-review.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ params, request }, actor) => {
	const r = await submitReview(getApp().database.db, actor, params.id, await readJson(request));
	return json({ id: r.id, revision: r.revision, total: r.total, percent: r.percent }, { status: 201 });
});
