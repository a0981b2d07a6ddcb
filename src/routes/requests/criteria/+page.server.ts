import { getApp } from '#lib/server/app.ts';
import { listCriteriaSets } from '#lib/server/engagement/list-criteria-sets.ts';
import { canManageCriteria } from '#lib/server/engagement/policies.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const sets = await loadOrError(() => listCriteriaSets(getApp().database.db, actor));
	const wanted = url.searchParams.get('version');
	const shown = sets.find((s) => String(s.version) === wanted) ?? sets[0];
	return { shown, versions: sets.map((s) => ({ id: s.id, version: s.version, note: s.note, createdAt: s.createdAt })), canEdit: canManageCriteria(actor).allowed };
};
