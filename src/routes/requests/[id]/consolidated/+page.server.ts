import { getApp } from '#lib/server/app.ts';
import { getConsolidation } from '#lib/server/engagement/get-consolidation.ts';
import { getRequest } from '#lib/server/engagement/get-request.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { PageServerLoad } from './$types';

// A read page: the chart is SVG drawn on the server, so no client script is sent.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const c = await loadOrError(() => getConsolidation(db, actor, params.id));
	const view = await loadOrError(() => getRequest(db, actor, params.id));
	return {
		request: { id: c.request.id, goal: c.request.goal, status: c.request.status },
		organisation: view.organisation.name,
		canDecide: view.can.decide,
		set: { version: c.set.version, criteria: c.set.criteria, bands: c.set.bands, gate: c.set.gate },
		result: c.result,
		assessments: c.assessments.map((a) => ({ id: a.id, name: a.assessorName, scores: a.scores })),
		pending: c.pending
	};
};
