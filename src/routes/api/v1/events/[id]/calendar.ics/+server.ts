import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { DomainError } from '#lib/server/errors.ts';
import { findVisibleEvent } from '#lib/server/events/find-event.ts';
import { findOwnRegistration } from '#lib/server/events/find-registration.ts';
import { calendarFor } from '#lib/server/events/notify.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

/** The caller's own calendar file for an event; with the join link only once their place is confirmed. */
export const GET: RequestHandler = api(async ({ params }, actor) => {
	const db = getApp().database.db;
	const event = await findVisibleEvent(db, actor, params.id);
	const mine = await findOwnRegistration(db, actor, event.id);
	if (!mine) throw new DomainError('NOT_FOUND', m.e_not_found());
	return new Response(calendarFor(event, mine), { headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, no-store' } });
});
