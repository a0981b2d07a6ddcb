import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { listRegistrations } from '#lib/server/events/list-registrations.ts';
import { registerForEvent } from '#lib/server/events/register-for-event.ts';
import { registrationJson } from '#lib/server/events/serialize.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

/** The attendee list: staff only. An erased or anonymised attendee has `null` name and address, in every language. */
export const GET: RequestHandler = api(async ({ params }, actor) =>
	json({ items: (await listRegistrations(getApp().database.db, actor, params.id)).map(({ erased, ...r }) => (erased ? { ...r, name: null, email: null } : r)) })
);

/** Registers the token's owner (name and e-mail come from the account); 200 with the place they already have. */
export const POST: RequestHandler = api(async ({ params, request, locals }, actor) => {
	const { registration, again } = await registerForEvent(getApp().database.db, actor, params.id, await readJson(request), { locale: locals.locale });
	return json(registrationJson(registration), { status: again ? 200 : 201 });
});
