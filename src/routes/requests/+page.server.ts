import { getApp } from '#lib/server/app.ts';
import { listRequests } from '#lib/server/engagement/list-requests.ts';
import { canSeePortfolio } from '#lib/server/engagement/policies.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { PageServerLoad } from './$types';

// Links and GET forms only: no client script (decision 015).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const portfolio = canSeePortfolio(actor).allowed;
	// The portfolio's filter names the current bands: they come with the count, not in a statement of their own.
	const { bands, ...result } = await loadOrError(() => listRequests(getApp().database.db, actor, Object.fromEntries(url.searchParams), { bands: portfolio }));
	return { result, portfolio, bands, search: url.search };
};
