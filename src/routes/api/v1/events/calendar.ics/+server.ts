import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { publicFeed } from '#lib/server/events/public-feed.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

/** The catalogue feed, as on /events/calendar.ics: no meeting links, no attendees. */
export const GET: RequestHandler = api(async () => {
	const { database, baseURL } = getApp();
	return new Response(await publicFeed(database.db, { baseURL, name: `${m.app_name()} · ${m.event_catalogue_title()}` }), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
});
