import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { publicFeed } from '#lib/server/events/public-feed.ts';
import type { RequestHandler } from './$types';

// Public: the catalogue's calendar feed, for anyone to subscribe to; it has no meeting links and no attendee data.
export const GET: RequestHandler = async () => {
	const { database, baseURL } = getApp();
	const body = await publicFeed(database.db, { baseURL, name: `${m.app_name()} · ${m.event_catalogue_title()}` });
	return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'public, max-age=300' } });
};
