import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { listApplications } from '#lib/server/grants/list-applications.ts';
import { applicationJson } from '#lib/server/grants/serialize.ts';
import { startApplication } from '#lib/server/grants/start-application.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ url }, actor) => {
	const r = await listApplications(getApp().database.db, actor, Object.fromEntries(url.searchParams));
	return json({ items: r.rows, total: r.total, totalExact: r.totalExact, page: r.query.page });
});

export const POST: RequestHandler = api(async ({ request }, actor) => {
	const app = await startApplication(getApp().database.db, actor, await readJson(request));
	return json(applicationJson(app), { status: 201 });
});
