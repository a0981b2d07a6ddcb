import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getPerson } from '#lib/server/directory/get-person.ts';
import { updatePerson } from '#lib/server/directory/update-person.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { personInput } from '#lib/validation/directory.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const p = await loadOrError(() => getPerson(getApp().database.db, actor, params.personId));
	return { orgId: params.id, form: await readForm(personInput, { name: p.name, role: p.role, email: p.email ?? '', phone: p.phone ?? '' }) };
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const form = await readForm(personInput, request);
		const r = await submitForm(form, (data) => updatePerson(getApp().database.db, actor, params.personId, data));
		if (!r.ok) return r.failure;
		redirect(303, `/directory/${params.id}/people`);
	}
};
