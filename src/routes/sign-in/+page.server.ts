import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { rememberLocale } from '#lib/server/http/locale-cookie.ts';
import { safeNext } from '#lib/server/http/safe-next.ts';
import { signInInput } from '#lib/server/identity/account-schemas.ts';
import { signIn } from '#lib/server/identity/sign-in.ts';
import { KNOWN_DEVICE_COOKIE } from '#lib/server/identity/known-device.ts';
import { rememberKnownDevice } from '#lib/server/http/known-device-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

// Public: the sign-in form.
export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor.kind === 'user') redirect(303, safeNext(url.searchParams.get('next'), '/'));
	return { form: await readForm(signInInput, {}), reset: url.searchParams.has('reset'), next: safeNext(url.searchParams.get('next'), '/') };
};

export const actions: Actions = {
	default: async ({ request, getClientAddress, url, cookies }) => {
		const { database, auth } = getApp();
		const form = await readForm(signInInput, request);
		const next = safeNext(url.searchParams.get('next'), '/');
		const r = await submitForm(form, (data) =>
			signIn(database.db, auth, data, { ip: getClientAddress(), headers: request.headers, knownDevice: cookies.get(KNOWN_DEVICE_COOKIE) })
		);
		if (!r.ok) {
			form.data.password = '';
			return r.failure;
		}
		if (r.result?.twoFactor) redirect(303, `/sign-in/two-factor?next=${encodeURIComponent(next)}`);
		rememberKnownDevice(cookies, (await auth.$context).secret, r.result?.email, url.protocol === 'https:');
		rememberLocale(cookies, r.result?.user.locale);
		redirect(303, next);
	}
};
