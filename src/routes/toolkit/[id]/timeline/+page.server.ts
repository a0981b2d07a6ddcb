import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { getStrategy } from '#lib/server/toolkit/get-strategy.ts';
import { buildTimeline } from '#lib/server/toolkit/timeline.ts';
import type { PageServerLoad } from './$types';

// A read page: rendered on the server, no script sent.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const v = await loadOrError(() => getStrategy(getApp().database.db, actor, params.id));
	return { s: v.strategy, org: v.org, timeline: buildTimeline(v.activities) };
};
