import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { approveSafetyPlan } from '#lib/server/engagement/approve-safety-plan.ts';
import { getRequest } from '#lib/server/engagement/get-request.ts';
import { getSafetyPlan } from '#lib/server/engagement/get-safety-plan.ts';
import { saveSafetyPlan } from '#lib/server/engagement/save-safety-plan.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { safetyPlanInput } from '#lib/validation/engagement.ts';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const view = await loadOrError(() => getSafetyPlan(db, actor, params.id));
	const request = await loadOrError(() => getRequest(db, actor, params.id));
	const p = view.plan;
	return {
		id: view.requestId,
		organisation: request.organisation.name,
		goal: request.request.goal,
		view,
		saved: url.searchParams.has('saved'),
		approved: url.searchParams.has('approved'),
		form: await readForm(safetyPlanInput, p ? { risks: p.risks, mitigations: p.mitigations, responsible: p.responsible, safeContact: p.safeContact, reviewOn: p.reviewOn } : {})
	};
};

export const actions: Actions = {
	save: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const form = await readForm(safetyPlanInput, request);
		const r = await submitForm(form, (data) => saveSafetyPlan(getApp().database.db, actor, params.id, data));
		if (!r.ok) return r.failure;
		redirect(303, `/requests/${params.id}/safety-plan?saved`);
	},
	approve: async ({ locals, url, params }) => {
		const actor = requireUser(locals, url);
		const r = await act(async () => {
			await approveSafetyPlan(getApp().database.db, actor, params.id);
			return null;
		});
		if (r) return r;
		redirect(303, `/requests/${params.id}/safety-plan?approved`);
	}
};
