import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireRole } from '#lib/server/http/edge.ts';
import { listCalls } from '#lib/server/grants/list-calls.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireRole(locals, url, 'admin', 'programme_officer');
	const archived = url.searchParams.get('archived') === '1';
	return { archived, calls: await loadOrError(() => listCalls(getApp().database.db, actor, { archived })) };
};
