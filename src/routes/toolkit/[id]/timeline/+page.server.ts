import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { getStrategyTimeline } from '#lib/server/toolkit/get-strategy-timeline.ts';
import type { PageServerLoad } from './$types';

// A read page: rendered on the server, no script sent.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const v = await loadOrError(() => getStrategyTimeline(getApp().database.db, actor, params.id));
	return { s: v.strategy, org: v.org, timeline: v.timeline };
};
