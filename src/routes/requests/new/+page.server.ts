import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { createRequest } from '#lib/server/engagement/create-request.ts';
import { listRequestableOrganisations } from '#lib/server/engagement/list-requestable-organisations.ts';
import { requireUser } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { requestInput } from '#lib/validation/engagement.ts';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const organisations = await listRequestableOrganisations(getApp().database.db, actor);
	const preset = url.searchParams.get('organisation') ?? (organisations.length === 1 ? organisations[0].id : '');
	return { organisations, form: await readForm(requestInput, { organisationId: preset, kinds: [] }) };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const form = await readForm(requestInput, request);
		const r = await submitForm(form, (data) => createRequest(getApp().database.db, actor, data));
		if (!r.ok) return r.failure;
		redirect(303, `/requests/${r.result.id}`);
	}
};
