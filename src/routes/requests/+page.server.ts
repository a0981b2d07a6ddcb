import { getApp } from '#lib/server/app.ts';
import { currentBands } from '#lib/server/engagement/criteria-set.ts';
import { listRequests } from '#lib/server/engagement/list-requests.ts';
import { canSeePortfolio } from '#lib/server/engagement/policies.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { PageServerLoad } from './$types';

// Links and GET forms only: no client script (decision 015).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const portfolio = canSeePortfolio(actor).allowed;
	// Independent reads: on PostgreSQL they go out together.
	const [result, bands] = await Promise.all([
		loadOrError(() => listRequests(db, actor, Object.fromEntries(url.searchParams))),
		portfolio ? currentBands(db, actor) : []
	]);
	return { result, portfolio, bands, search: url.search };
};
