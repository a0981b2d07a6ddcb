import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { listContactMessages } from '#lib/server/contact/list-contact-messages.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async (_event, actor) => {
	const { rows, open } = await listContactMessages(getApp().database.db, actor);
	return json({ items: rows, open });
});
