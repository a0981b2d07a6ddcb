import { getApp } from '#lib/server/app.ts';
import { getOrganisation } from '#lib/server/directory/get-organisation.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { loadPartnerSections } from '#lib/server/partner-page/sections.ts';
import type { PageServerLoad } from './$types';

// A read page: links and a GET form need no script, so none is sent (see decision 015).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const view = await loadOrError(() => getOrganisation(db, actor, params.id));
	const { search: _search, ...org } = view.org;
	return { org, can: view.can, sections: await loadOrError(() => loadPartnerSections(db, actor, view)) };
};
