// Public: the FAQ on sticking points is open to visitors (decision 032); only staff change it.
import { getApp } from '#lib/server/app.ts';
import { loadOrError } from '#lib/server/http/edge.ts';
import { resourceTitles } from '#lib/server/toolkit/get-resource.ts';
import { listFaqs } from '#lib/server/toolkit/list-faqs.ts';
import { canManageLibrary } from '#lib/server/toolkit/policies.ts';
import type { PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getApp().database.db;
	const result = await loadOrError(() => listFaqs(db, Object.fromEntries(url.searchParams), locals.locale));
	const evidence = await resourceTitles(db, [...new Set(result.items.flatMap((f) => f.resourceIds))], locals.locale);
	return { result, evidence: Object.fromEntries(evidence.map((e) => [e.id, e])), canManage: canManageLibrary(locals.actor).allowed };
};
