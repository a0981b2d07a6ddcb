import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api } from '#lib/server/http/edge.ts';
import { markRead } from '#lib/server/notifications/mark-read.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ params }, actor) => {
	const r = await markRead(getApp().database.db, actor, params.id);
	return json({ id: r.id, read: true });
});
