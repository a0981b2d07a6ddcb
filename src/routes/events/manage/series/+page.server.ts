import { getApp } from '#lib/server/app.ts';
import { createSeries } from '#lib/server/events/create-series.ts';
import { listTerms } from '#lib/server/events/list-terms.ts';
import { requireRole } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { seriesInput } from '#lib/validation/events.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, 'admin', 'programme_officer');
	return { series: (await listTerms(getApp().database.db)).series, form: await readForm(seriesInput) };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireRole(locals, url, 'admin', 'programme_officer');
		const form = await readForm(seriesInput, request);
		const r = await submitForm(form, (data) => createSeries(getApp().database.db, actor, data));
		if (!r.ok) return r.failure;
		return { form: await readForm(seriesInput), created: r.result.title };
	}
};
