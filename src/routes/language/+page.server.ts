import { redirect } from '@sveltejs/kit';
import { cookieName, cookieMaxAge } from '#lib/paraglide/runtime.js';
import { toLocale } from '#lib/server/i18n.ts';
import { setUserLocale } from '#lib/server/identity/set-user-locale.ts';
import { getApp } from '#lib/server/app.ts';
import { safeNext } from '#lib/server/http/safe-next.ts';
import type { Actions } from './$types';

// Public: anyone may choose the language; a signed-in person's choice is also saved to their account.
export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const locale = toLocale(String(form.get('locale') ?? ''));
		cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
		if (locals.actor.kind === 'user') await setUserLocale(getApp().database.db, locals.actor, locale);
		redirect(303, safeNext(form.get('next')));
	}
};
