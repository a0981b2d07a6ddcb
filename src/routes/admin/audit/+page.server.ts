import { getApp } from '#lib/server/app.ts';
import { listAudit } from '#lib/server/activity/list-audit.ts';
import { loadOrError, requireRole } from '#lib/server/http/edge.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireRole(locals, url, 'admin');
	return { result: await loadOrError(() => listAudit(getApp().database.db, actor, Object.fromEntries(url.searchParams))) };
};
