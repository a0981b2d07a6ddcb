import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { getInsight } from '#lib/server/insight/get-insight.ts';
import { reportHtml } from '#lib/server/insight/report-html.ts';
import type { PageServerLoad } from './$types';

// A GET form, links and server-drawn charts: no client script.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const insight = await loadOrError(() => getInsight(getApp().database.db, actor, Object.fromEntries(url.searchParams)));
	// Export links keep the page's filters.
	const exportQuery = url.search ? url.search.slice(1).replace(/(^|&)(table|format)=[^&]*/g, '') + '&' : '';
	return { asOf: insight.asOf, ...reportHtml(insight, locals.locale, exportQuery) };
};
