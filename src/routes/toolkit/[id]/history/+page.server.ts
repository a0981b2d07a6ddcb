import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { findVisibleStrategy } from '#lib/server/toolkit/find-strategy.ts';
import { listStrategyHistory } from '#lib/server/toolkit/list-strategy-history.ts';
import type { PageServerLoad } from './$types';

// A read page: rendered on the server, no script sent.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const found = await loadOrError(() => findVisibleStrategy(db, actor, params.id));
	return { s: found.strategy, org: found.org, events: await loadOrError(() => listStrategyHistory(db, actor, params.id)) };
};
