// Public: the resource library is open to visitors (decision 032); only staff change it.
import { getApp } from '#lib/server/app.ts';
import { loadOrError } from '#lib/server/http/edge.ts';
import { listResources } from '#lib/server/toolkit/list-resources.ts';
import { canManageLibrary } from '#lib/server/toolkit/policies.ts';
import type { PageServerLoad } from './$types';

// A read page: links and a GET form need no script, so none is sent.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const raw = Object.fromEntries(url.searchParams);
	return {
		result: await loadOrError(() => listResources(getApp().database.db, raw, locals.locale)),
		canManage: canManageLibrary(locals.actor).allowed
	};
};
