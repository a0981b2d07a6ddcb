import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { getOrganisation } from '#lib/server/directory/get-organisation.ts';
import { inviteMember } from '#lib/server/directory/invite-member.ts';
import { listMembers } from '#lib/server/directory/list-members.ts';
import { removeMember } from '#lib/server/directory/remove-member.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { invitationInput } from '#lib/validation/directory.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const view = await loadOrError(() => getOrganisation(db, actor, params.id));
	if (!view.can.manageMembers) error(403, m.e_forbidden());
	return {
		org: { id: view.org.id, name: view.org.name },
		members: await loadOrError(() => listMembers(db, actor, params.id)),
		form: await readForm(invitationInput)
	};
};

export const actions: Actions = {
	invite: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const form = await readForm(invitationInput, request);
		const { database, baseURL } = getApp();
		const r = await submitForm(form, (data) => inviteMember(database.db, actor, params.id, data, { origin: baseURL, locale: locals.locale }));
		if (!r.ok) return r.failure;
		return { form: await readForm(invitationInput), invited: form.data.email };
	},
	remove: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const userId = String((await request.formData()).get('userId') ?? '');
		return act(async () => {
			await removeMember(getApp().database.db, actor, params.id, userId);
			return { removed: true };
		});
	}
};
