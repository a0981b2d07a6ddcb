import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { api } from '#lib/server/http/edge.ts';
import { countUnread, listNotifications } from '#lib/server/notifications/list-notifications.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ url }, actor) => {
	const db = getApp().database.db;
	const items = await listNotifications(db, actor, { unreadOnly: url.searchParams.get('unread') === 'true' });
	return json({ items, unread: await countUnread(db, actor) });
});
