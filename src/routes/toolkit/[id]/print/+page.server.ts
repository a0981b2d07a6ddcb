import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { getStrategy } from '#lib/server/toolkit/get-strategy.ts';
import { strategyOutline } from '#lib/server/toolkit/strategy-outline.ts';
import type { PageServerLoad } from './$types';

// A page to print (or save as PDF from the browser's print dialog); no script needed.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const v = await loadOrError(() => getStrategy(getApp().database.db, actor, params.id));
	return { id: v.strategy.id, language: v.strategy.language, outline: strategyOutline(v, v.strategy.language) };
};
