import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { getIndicator } from '#lib/server/insight/get-indicator.ts';
import { reportActual } from '#lib/server/insight/report-actual.ts';
import { reviewActual } from '#lib/server/insight/review-actual.ts';
import { formValues } from '#lib/server/toolkit/form-values.ts';
import type { Actions, PageServerLoad } from './$types';

const db = () => getApp().database.db;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	return loadOrError(() => getIndicator(db(), actor, params.id));
};

export const actions: Actions = {
	report: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const values = { ...formValues(await request.formData()), _form: 'report' };
		return act(async () => {
			await reportActual(db(), actor, params.id, values);
			return { added: 'report' };
		}, values);
	},
	review: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const posted = formValues(await request.formData());
		const actualId = String(posted.actualId ?? '');
		const values = { ...posted, _form: `review-${actualId}` };
		return act(async () => {
			await reviewActual(db(), actor, actualId, values);
			return { added: 'review' };
		}, values);
	}
};
