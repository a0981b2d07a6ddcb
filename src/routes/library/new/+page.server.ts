import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { act, requireStaff } from '#lib/server/http/edge.ts';
import { readResourceForm } from '#lib/server/toolkit/resource-form.ts';
import { createResource } from '#lib/server/toolkit/save-resource.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireStaff(locals, url);
	return { values: { topics: [], countries: [], versions: {} } };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireStaff(locals, url);
		const app = getApp();
		const { values, files } = await readResourceForm(request);
		const r = await act(() => createResource(app.database.db, actor, values, files, { files: app.files, maxBytes: app.config.uploadMaxBytes }), values);
		if ('id' in r) redirect(303, `/library/${r.id}`);
		return r;
	}
};
