import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireRole } from '#lib/server/http/edge.ts';
import { getRetention, updateRetention } from '#lib/server/privacy/retention-settings.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireRole(locals, url, 'admin');
	return { rules: await loadOrError(() => getRetention(getApp().database.db, actor)) };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireRole(locals, url, 'admin');
		const values = Object.fromEntries(await request.formData());
		return act(async () => ({ saved: true, rules: await updateRetention(getApp().database.db, actor, values) }), values);
	}
};
