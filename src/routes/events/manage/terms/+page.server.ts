import { fail } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { listTerms } from '#lib/server/events/list-terms.ts';
import { saveTerm } from '#lib/server/events/save-term.ts';
import { requireRole } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { termInput } from '#lib/validation/events.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, 'admin', 'programme_officer');
	return { terms: (await listTerms(getApp().database.db)).all, form: await readForm(termInput, { kind: 'topic' }) };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireRole(locals, url, 'admin', 'programme_officer');
		const data = await request.formData();
		const id = String(data.get('id') ?? '') || null;
		const form = await readForm(termInput, data);
		const r = await submitForm(form, (input) => saveTerm(getApp().database.db, actor, id, input));
		if (!r.ok) return fail(r.failure.status, { form: r.failure.data.form, editing: id });
		return { saved: r.result.code };
	}
};
