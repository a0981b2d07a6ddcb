import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { addImpactArea } from '#lib/server/insight/add-impact-area.ts';
import { getSubjectOutcomes } from '#lib/server/insight/get-subject-outcomes.ts';
import { setIndicator } from '#lib/server/insight/set-indicator.ts';
import { formValues } from '#lib/server/toolkit/form-values.ts';
import type { Actions, PageServerLoad } from './$types';

const db = () => getApp().database.db;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	return loadOrError(() => getSubjectOutcomes(db(), actor, params.type, params.id));
};

export const actions: Actions = {
	addIndicator: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const values = { ...formValues(await request.formData()), _form: 'indicator' };
		return act(async () => {
			await setIndicator(db(), actor, params.type, params.id, values);
			return { added: 'indicator' };
		}, values);
	},
	addArea: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const values = { ...formValues(await request.formData()), _form: 'area' };
		return act(async () => {
			await addImpactArea(db(), actor, values);
			return { added: 'area' };
		}, values);
	}
};
