import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { listCallVersions } from '#lib/server/grants/list-call-versions.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) => {
	const rows = await listCallVersions(getApp().database.db, actor, params.id);
	return json({ items: rows.map((v) => ({ number: v.number, publishedAt: v.createdAt.toISOString(), publishedBy: v.by, applications: v.applications, definition: v.definition })) });
});
