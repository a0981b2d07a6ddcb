import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getEvent } from '#lib/server/events/get-event.ts';
import { eventJson } from '#lib/server/events/serialize.ts';
import { updateEvent } from '#lib/server/events/update-event.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params, locals }, actor) => {
	const v = await getEvent(getApp().database.db, actor, params.id, { locale: locals.locale });
	return json({ ...v.event, seatsLeft: v.seatsLeft, registrationOpen: v.registration.open, mine: v.mine, summary: v.summary });
});

export const PUT: RequestHandler = api(async ({ params, request }, actor) => {
	const event = await updateEvent(getApp().database.db, actor, params.id, await readJson(request));
	return json(eventJson(event));
});
