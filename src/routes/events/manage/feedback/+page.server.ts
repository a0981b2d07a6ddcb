import { getApp } from '#lib/server/app.ts';
import { feedbackByFormat } from '#lib/server/events/feedback-results.ts';
import { loadOrError, requireStaff } from '#lib/server/http/edge.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireStaff(locals, url);
	return { rows: await loadOrError(() => feedbackByFormat(getApp().database.db, actor, locals.locale)) };
};
