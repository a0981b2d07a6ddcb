import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireStaff } from '#lib/server/http/edge.ts';
import { formValues } from '#lib/server/toolkit/form-values.ts';
import { evidenceChoices } from '#lib/server/toolkit/get-resource.ts';
import { getFaq } from '#lib/server/toolkit/list-faqs.ts';
import { deleteFaq, updateFaq } from '#lib/server/toolkit/save-faq.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireStaff(locals, url);
	const db = getApp().database.db;
	return { faq: await loadOrError(() => getFaq(db, params.id)), evidence: await evidenceChoices(db, 300, locals.locale) };
};

export const actions: Actions = {
	save: async ({ request, locals, url, params }) => {
		const actor = requireStaff(locals, url);
		const values = formValues(await request.formData(), { arrays: ['resourceIds'] });
		const r = await act(() => updateFaq(getApp().database.db, actor, params.id, values), values);
		if ('id' in r) redirect(303, `/faq#faq-${r.id}`);
		return r;
	},
	delete: async ({ locals, url, params }) => {
		const actor = requireStaff(locals, url);
		const r = await act(() => deleteFaq(getApp().database.db, actor, params.id));
		if ('removed' in r) redirect(303, '/faq');
		return r;
	}
};
