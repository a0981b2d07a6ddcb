import { getApp } from '#lib/server/app.ts';
import { listManagedEvents } from '#lib/server/events/list-managed-events.ts';
import { loadOrError, requireStaff } from '#lib/server/http/edge.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireStaff(locals, url);
	return { events: await loadOrError(() => listManagedEvents(getApp().database.db, actor, locals.locale)) };
};
