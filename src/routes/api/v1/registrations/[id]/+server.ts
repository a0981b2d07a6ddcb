import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { cancelRegistration } from '#lib/server/events/cancel-registration.ts';
import { registrationJson } from '#lib/server/events/serialize.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

/** Cancels a place: one's own, or any for staff. The next person on the waitlist moves up. */
export const DELETE: RequestHandler = api(async ({ params }, actor) =>
	json(registrationJson(await cancelRegistration(getApp().database.db, actor, { registrationId: params.id })))
);
