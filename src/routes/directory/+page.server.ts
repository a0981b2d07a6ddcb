import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { listOrganisations } from '#lib/server/directory/list-organisations.ts';
import { canCreateOrganisation } from '#lib/server/directory/policies.ts';
import type { PageServerLoad } from './$types';

// A read page: links and a GET form need no script, so none is sent (see decision 015).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const params = Object.fromEntries(url.searchParams);
	const result = await loadOrError(() => listOrganisations(getApp().database.db, actor, params, locals.locale));
	return { result, canCreate: canCreateOrganisation(actor).allowed };
};
