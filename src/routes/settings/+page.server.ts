import { getApp } from '#lib/server/app.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { requireUser } from '#lib/server/http/edge.ts';
import { rememberLocale } from '#lib/server/http/locale-cookie.ts';
import { preferencesInput, updatePreferences } from '#lib/server/identity/update-preferences.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	return { form: await readForm(preferencesInput, { name: actor.name, locale: actor.locale, timeZone: actor.timeZone }), email: actor.email };
};

export const actions: Actions = {
	default: async ({ request, locals, url, cookies }) => {
		const actor = requireUser(locals, url);
		const form = await readForm(preferencesInput, request);
		const r = await submitForm(form, (data) => updatePreferences(getApp().database.db, actor, data));
		if (!r.ok) return r.failure;
		rememberLocale(cookies, form.data.locale as string);
		return { form, saved: true };
	}
};
