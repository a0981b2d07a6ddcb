import { getApp } from '#lib/server/app.ts';
import { findRegistrationByToken } from '#lib/server/events/find-registration.ts';
import { calendarFor } from '#lib/server/events/notify.ts';
import { loadOrError } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

// Public: the personal link's token is the permission; the file is that person's only.
export const GET: RequestHandler = async ({ params }) => {
	const { registration, event } = await loadOrError(() => findRegistrationByToken(getApp().database.db, params.token));
	return new Response(calendarFor(event, registration), {
		headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'attachment; filename="event.ics"', 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' }
	});
};
