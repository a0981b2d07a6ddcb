import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireRole } from '#lib/server/http/edge.ts';
import { listOutbox } from '#lib/server/mail/list-outbox.ts';
import type { PageServerLoad } from './$types';
import { pageNumber } from '#lib/server/http/input-text.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireRole(locals, url, 'admin');
	const page = pageNumber(url.searchParams.get('page'));
	return { result: await loadOrError(() => listOutbox(getApp().database.db, actor, page)) };
};
