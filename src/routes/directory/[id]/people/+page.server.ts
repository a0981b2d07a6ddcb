import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { addPerson } from '#lib/server/directory/add-person.ts';
import { getOrganisation } from '#lib/server/directory/get-organisation.ts';
import { listPeople } from '#lib/server/directory/list-people.ts';
import { removePerson } from '#lib/server/directory/remove-person.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { personInput } from '#lib/validation/directory.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const view = await loadOrError(() => getOrganisation(db, actor, params.id));
	if (!view.can.edit) error(403, m.e_forbidden());
	return {
		org: { id: view.org.id, name: view.org.name },
		people: await loadOrError(() => listPeople(db, actor, params.id)),
		form: await readForm(personInput)
	};
};

export const actions: Actions = {
	add: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const form = await readForm(personInput, request);
		const r = await submitForm(form, (data) => addPerson(getApp().database.db, actor, params.id, data));
		if (!r.ok) return r.failure;
		return { form: await readForm(personInput), added: true };
	},
	remove: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const id = String((await request.formData()).get('id') ?? '');
		return act(async () => {
			await removePerson(getApp().database.db, actor, id);
			return { removed: true };
		});
	}
};
