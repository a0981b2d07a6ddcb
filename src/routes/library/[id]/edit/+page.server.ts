import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireStaff } from '#lib/server/http/edge.ts';
import { getResource, readResource } from '#lib/server/toolkit/get-resource.ts';
import { readResourceForm } from '#lib/server/toolkit/resource-form.ts';
import { updateResource } from '#lib/server/toolkit/save-resource.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireStaff(locals, url);
	const r = await loadOrError(() => getResource(getApp().database.db, params.id));
	const versions = Object.fromEntries(Object.entries(r.versions).map(([l, v]) => [l, { ...v, url: v.url ?? '' }]));
	const shown = readResource(r, locals.locale);
	return { id: r.id, title: shown.version.title, titleLanguage: shown.language, filenames: Object.fromEntries(Object.entries(r.versions).map(([l, v]) => [l, v.filename])), values: { type: r.type, topics: r.topics, countries: r.countries, versions } };
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = requireStaff(locals, url);
		const app = getApp();
		const { values, files } = await readResourceForm(request);
		const r = await act(() => updateResource(app.database.db, actor, params.id, values, files, { files: app.files, maxBytes: app.config.uploadMaxBytes }), values);
		if ('id' in r) redirect(303, `/library/${r.id}`);
		return r;
	}
};
