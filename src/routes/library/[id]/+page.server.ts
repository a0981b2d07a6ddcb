// Public: a library item is open to visitors (decision 032); deleting it is for staff only.
import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireStaff } from '#lib/server/http/edge.ts';
import { getResource, readResource } from '#lib/server/toolkit/get-resource.ts';
import { canManageLibrary } from '#lib/server/toolkit/policies.ts';
import { deleteResource } from '#lib/server/toolkit/save-resource.ts';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

// `?lang=` shows another language version; without it the reader's own, or honestly another.
export const load: PageServerLoad = async ({ locals, params, url }) => ({
	r: readResource(await loadOrError(() => getResource(getApp().database.db, params.id)), locals.locale, url.searchParams.get('lang')),
	canManage: canManageLibrary(locals.actor).allowed
});

export const actions: Actions = {
	delete: async ({ locals, url, params }) => {
		const actor = requireStaff(locals, url);
		const app = getApp();
		const r = await act(() => deleteResource(app.database.db, actor, params.id, { files: app.files }));
		if ('removed' in r) redirect(303, '/library');
		return r;
	}
};
