import { getApp } from '#lib/server/app.ts';
import { listClinicRequests } from '#lib/server/events/list-clinic-requests.ts';
import { loadOrError, requireStaff } from '#lib/server/http/edge.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireStaff(locals, url);
	return { requests: await loadOrError(() => listClinicRequests(getApp().database.db, actor)) };
};
