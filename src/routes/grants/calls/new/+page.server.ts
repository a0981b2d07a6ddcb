import { getApp } from '#lib/server/app.ts';
import { requireRole } from '#lib/server/http/edge.ts';
import { blankDraft, definitionFromDraft, draftFromForm } from '#lib/server/grants/call-draft.ts';
import { createCall } from '#lib/server/grants/create-call.ts';
import { builderChoices, editDraft, saveDraft } from '../builder.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, url, 'admin', 'programme_officer');
	return { draft: blankDraft(), ...builderChoices };
};

export const actions: Actions = {
	edit: async ({ locals, url, request }) => {
		requireRole(locals, url, 'admin', 'programme_officer');
		return editDraft(request);
	},
	save: async ({ locals, url, request }) => {
		const actor = requireRole(locals, url, 'admin', 'programme_officer');
		const draft = draftFromForm(await request.formData());
		return saveDraft(draft, () => createCall(getApp().database.db, actor, definitionFromDraft(draft)), (id) => `/grants/calls/${id}?created=1`);
	}
};
