import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { createOrganisation } from '#lib/server/directory/create-organisation.ts';
import { canCreateOrganisation } from '#lib/server/directory/policies.ts';
import { requireUser } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { organisationInput } from '#lib/validation/directory.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	if (!canCreateOrganisation(actor).allowed) error(403, m.e_forbidden());
	return { form: await readForm(organisationInput) };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const form = await readForm(organisationInput, request);
		const r = await submitForm(form, (data) => createOrganisation(getApp().database.db, actor, data));
		if (!r.ok) return r.failure;
		redirect(303, `/directory/${r.result.id}`);
	}
};
