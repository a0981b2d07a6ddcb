import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireRole } from '#lib/server/http/edge.ts';
import { definitionFromDraft, draftFromDefinition, draftFromForm } from '#lib/server/grants/call-draft.ts';
import { loadCallDefinition } from '#lib/server/grants/call-record.ts';
import { updateCall } from '#lib/server/grants/update-call.ts';
import { builderChoices, editDraft, saveDraft } from '../../builder.server.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireRole(locals, url, 'admin', 'programme_officer');
	const { call, definition } = await loadOrError(() => loadCallDefinition(getApp().database.db, params.id));
	return { id: call.id, status: call.status, version: call.version, title: call.title, draft: draftFromDefinition(definition), ...builderChoices };
};

export const actions: Actions = {
	edit: async ({ locals, url, request }) => {
		requireRole(locals, url, 'admin', 'programme_officer');
		return editDraft(request);
	},
	save: async ({ locals, url, request, params }) => {
		const actor = requireRole(locals, url, 'admin', 'programme_officer');
		const fd = await request.formData();
		const draft = draftFromForm(fd);
		const version = Number(fd.get('version'));
		return saveDraft(draft, () => updateCall(getApp().database.db, actor, params.id, definitionFromDraft(draft), version), (id) => `/grants/calls/${id}?saved=1`);
	}
};
