import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { getOrganisation } from '#lib/server/directory/get-organisation.ts';
import { setPublicListing } from '#lib/server/directory/set-public-listing.ts';
import { setSensitivity } from '#lib/server/directory/set-sensitivity.ts';
import { updateOrganisation } from '#lib/server/directory/update-organisation.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { organisationInput } from '#lib/validation/directory.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const view = await loadOrError(() => getOrganisation(getApp().database.db, actor, params.id));
	if (!view.can.edit) error(403, m.e_forbidden());
	const { org } = view;
	return {
		org: { id: org.id, name: org.name, sensitive: org.sensitive, listedPublicly: org.listedPublicly },
		canSetSensitivity: view.can.setSensitivity,
		form: await readForm(organisationInput, {
			name: org.name, kind: org.kind, country: org.country, region: org.region,
			languages: org.languages, website: org.website ?? '', description: org.description
		})
	};
};

export const actions: Actions = {
	save: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const form = await readForm(organisationInput, request);
		const r = await submitForm(form, (data) => updateOrganisation(getApp().database.db, actor, params.id, data));
		if (!r.ok) return r.failure;
		redirect(303, `/directory/${params.id}`);
	},
	sensitivity: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const sensitive = (await request.formData()).get('sensitive') === 'true';
		const result = await act(() => setSensitivity(getApp().database.db, actor, params.id, { sensitive }));
		if (result && 'status' in result) return result;
		redirect(303, `/directory/${params.id}`);
	},
	listing: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const listed = (await request.formData()).get('listed') === 'true';
		const result = await act(() => setPublicListing(getApp().database.db, actor, params.id, { listed }));
		if (result && 'status' in result) return result;
		redirect(303, `/directory/${params.id}`);
	}
};
