import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireRole } from '#lib/server/http/edge.ts';
import { loadCallDefinition } from '#lib/server/grants/call-record.ts';
import { LOCALES } from '#lib/roles.ts';
import type { PageServerLoad } from './$types';

// Only reads; the preview's form controls post nowhere.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireRole(locals, url, 'admin', 'programme_officer');
	const { call } = await loadOrError(() => loadCallDefinition(getApp().database.db, params.id));
	const asked = url.searchParams.get('lang') ?? '';
	const lang = (LOCALES as readonly string[]).includes(asked) ? asked : 'en';
	return { id: call.id, lang, languages: call.languages, title: call.title, summary: call.summary, screener: call.screener, stages: call.stages };
};
