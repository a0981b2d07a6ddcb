import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { findVisibleEvent } from '#lib/server/events/find-event.ts';
import { findOwnRegistration } from '#lib/server/events/find-registration.ts';
import { calendarFor } from '#lib/server/events/notify.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

/** The signed-in person's own calendar file for an event (with the join link once confirmed). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const event = await loadOrError(() => findVisibleEvent(db, actor, params.id));
	const mine = await findOwnRegistration(db, actor, event.id);
	if (!mine) error(404, m.e_not_found());
	return new Response(calendarFor(event, mine), {
		headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'attachment; filename="event.ics"', 'Cache-Control': 'private, no-store' }
	});
};
