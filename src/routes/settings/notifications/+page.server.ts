import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { categoryLabel } from '#lib/server/notifications/content.ts';
import { getPreferences, setPreferences } from '#lib/server/notifications/preferences.ts';
import { NOTIFICATION_CATEGORIES } from '#lib/notifications/categories.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const prefs = await loadOrError(() => getPreferences(getApp().database.db, actor));
	return {
		timeZone: actor.timeZone,
		categories: NOTIFICATION_CATEGORIES.map((c) => ({ id: c, label: categoryLabel(c, actor.locale), mode: prefs[c] }))
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const values = Object.fromEntries(await request.formData());
		return act(async () => {
			await setPreferences(getApp().database.db, actor, values);
			return { saved: true };
		}, values);
	}
};
