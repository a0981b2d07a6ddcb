import { getApp } from '#lib/server/app.ts';
import { assignAssessors } from '#lib/server/engagement/assign-assessors.ts';
import { getRequest } from '#lib/server/engagement/get-request.ts';
import { listAssessors } from '#lib/server/engagement/list-assessors.ts';
import { submitRequest } from '#lib/server/engagement/submit-request.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const view = await loadOrError(() => getRequest(db, actor, params.id));
	return { view, assessorChoices: view.can.assign ? await listAssessors(db, actor) : [] };
};

export const actions: Actions = {
	submit: async ({ locals, url, params }) => {
		const actor = requireUser(locals, url);
		return act(async () => {
			await submitRequest(getApp().database.db, actor, params.id);
			return { submitted: true };
		});
	},
	assign: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const assessorIds = (await request.formData()).getAll('assessorIds').map(String);
		return act(async () => {
			const r = await assignAssessors(getApp().database.db, actor, params.id, { assessorIds });
			return { assigned: r.added };
		}, { assessorIds });
	}
};
