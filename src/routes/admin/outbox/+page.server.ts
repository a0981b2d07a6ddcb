import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireRole } from '#lib/server/http/edge.ts';
import { listOutbox } from '#lib/server/mail/list-outbox.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireRole(locals, url, 'admin');
	const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
	return { result: await loadOrError(() => listOutbox(getApp().database.db, actor, page)) };
};
