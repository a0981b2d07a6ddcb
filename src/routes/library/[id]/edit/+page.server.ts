import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireStaff } from '#lib/server/http/edge.ts';
import { getResource } from '#lib/server/toolkit/get-resource.ts';
import { readResourceForm } from '#lib/server/toolkit/resource-form.ts';
import { updateResource } from '#lib/server/toolkit/save-resource.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireStaff(locals, url);
	const r = await loadOrError(() => getResource(getApp().database.db, params.id));
	return { id: r.id, filename: r.filename, values: { ...r, url: r.url ?? '' } };
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = requireStaff(locals, url);
		const app = getApp();
		const { values, file } = await readResourceForm(request);
		const r = await act(() => updateResource(app.database.db, actor, params.id, values, file, { files: app.files, maxBytes: app.config.uploadMaxBytes }), values);
		if ('id' in r) redirect(303, `/library/${r.id}`);
		return r;
	}
};
