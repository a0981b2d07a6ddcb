import { getApp } from '#lib/server/app.ts';
import { compareRequests } from '#lib/server/engagement/compare-requests.ts';
import { loadOrError, requireStaff } from '#lib/server/http/edge.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireStaff(locals, url);
	const items = await loadOrError(() => compareRequests(getApp().database.db, actor, url.searchParams.getAll('ids')));
	return {
		items: items.map((i) => ({
			id: i.request.id,
			goal: i.request.goal,
			status: i.request.status,
			organisation: i.organisation.name,
			set: { criteria: i.set.criteria, bands: i.set.bands, version: i.set.version },
			result: i.result
		}))
	};
};
