import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { createEvent } from '#lib/server/events/create-event.ts';
import { listEvents } from '#lib/server/events/list-events.ts';
import { eventJson } from '#lib/server/events/serialize.ts';
import { isTimeZone } from '#lib/server/i18n.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ url, locals }, actor) => {
	const params = Object.fromEntries(url.searchParams);
	const timeZone = params.tz && isTimeZone(params.tz) ? params.tz : actor.timeZone;
	delete params.tz;
	const r = await listEvents(getApp().database.db, actor, params, { locale: locals.locale, timeZone });
	return json({ items: r.items, total: r.total, page: r.page, pageSize: r.pageSize });
});

export const POST: RequestHandler = api(async ({ request }, actor) => {
	const event = await createEvent(getApp().database.db, actor, await readJson(request));
	return json(eventJson(event), { status: 201 });
});
