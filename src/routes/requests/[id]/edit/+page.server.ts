import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { getRequest } from '#lib/server/engagement/get-request.ts';
import { updateRequest } from '#lib/server/engagement/update-request.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { requestEditInput } from '#lib/validation/engagement.ts';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const view = await loadOrError(() => getRequest(getApp().database.db, actor, params.id));
	if (!view.can.edit) error(403, m.eng_e_not_editable());
	return { id: view.request.id, organisation: view.organisation.name, form: await readForm(requestEditInput, view.request) };
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const form = await readForm(requestEditInput, request);
		const r = await submitForm(form, (data) => updateRequest(getApp().database.db, actor, params.id, data));
		if (!r.ok) return r.failure;
		redirect(303, `/requests/${params.id}`);
	}
};
