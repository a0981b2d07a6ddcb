import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { act, requireStaff } from '#lib/server/http/edge.ts';
import { formValues } from '#lib/server/toolkit/form-values.ts';
import { evidenceChoices } from '#lib/server/toolkit/get-resource.ts';
import { createFaq } from '#lib/server/toolkit/save-faq.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireStaff(locals, url);
	return { evidence: await evidenceChoices(getApp().database.db, 300, locals.locale) };
};

export const actions: Actions = {
	save: async ({ request, locals, url }) => {
		const actor = requireStaff(locals, url);
		const values = formValues(await request.formData(), { arrays: ['resourceIds'] });
		const r = await act(() => createFaq(getApp().database.db, actor, values), values);
		if ('id' in r) redirect(303, `/faq#faq-${r.id}`);
		return r;
	}
};
