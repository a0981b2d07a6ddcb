import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireRole } from '#lib/server/http/edge.ts';
import { findCall } from '#lib/server/grants/find-application.ts';
import { setDecisionTarget } from '#lib/server/grants/set-decision-target.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireRole(locals, url, 'admin', 'programme_officer');
	const call = await loadOrError(() => findCall(getApp().database.db, params.id));
	return { call: { id: call.id, title: call.title, decisionTargetDays: call.decisionTargetDays, stages: call.stages.map((s) => s.name) } };
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const actor = requireRole(locals, url, 'admin', 'programme_officer');
		const input = { days: String((await request.formData()).get('days') ?? '') };
		return act(async () => {
			await setDecisionTarget(getApp().database.db, actor, params.id, input);
			return { saved: true };
		}, input);
	}
};
