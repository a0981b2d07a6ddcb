import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireStaff } from '#lib/server/http/edge.ts';
import { searchHub } from '#lib/server/search/search-hub.ts';
import type { PageServerLoad } from './$types';

// A GET form and links: no script needed.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireStaff(locals, url);
	const q = url.searchParams.get('q') ?? '';
	// An empty search is the page itself, with its box; anything typed is checked and searched.
	if (!q.trim()) return { result: null };
	return { result: await loadOrError(() => searchHub(getApp().database.db, actor, { q }, locals.locale)) };
};
