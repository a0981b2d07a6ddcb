import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { createAgreement } from '#lib/server/directory/create-agreement.ts';
import { getOrganisation } from '#lib/server/directory/get-organisation.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { agreementInput } from '#lib/validation/directory.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const view = await loadOrError(() => getOrganisation(getApp().database.db, actor, params.id));
	if (!view.can.manageAgreements) error(403, m.e_forbidden());
	return { org: { id: view.org.id, name: view.org.name }, form: await readForm(agreementInput) };
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const form = await readForm(agreementInput, request);
		const r = await submitForm(form, (data) => createAgreement(getApp().database.db, actor, params.id, data));
		if (!r.ok) return r.failure;
		redirect(303, `/directory/${params.id}/agreements/${r.result.id}`);
	}
};
