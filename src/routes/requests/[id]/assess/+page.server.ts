import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getMyAssessment } from '#lib/server/engagement/get-assessment.ts';
import { saveAssessment } from '#lib/server/engagement/save-assessment.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { assessmentFromForm } from '#lib/server/engagement/form-input.ts';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const { request, set, assessment, evidence } = await loadOrError(() => getMyAssessment(getApp().database.db, actor, params.id));
	return { request: { id: request.id, goal: request.goal, status: request.status, country: request.country }, criteria: set.criteria, version: set.version, assessment, evidence };
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const input = assessmentFromForm(await request.formData());
		const result = await act(() => saveAssessment(getApp().database.db, actor, params.id, input), input.scores);
		if (result && 'submitted' in result && result.submitted) redirect(303, `/requests/${params.id}/consolidated`);
		return result && 'submitted' in result ? { saved: true } : result;
	}
};
