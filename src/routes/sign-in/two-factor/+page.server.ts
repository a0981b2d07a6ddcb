import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { rememberLocale } from '#lib/server/http/locale-cookie.ts';
import { safeNext } from '#lib/server/http/safe-next.ts';
import { codeInput } from '#lib/server/identity/account-schemas.ts';
import { rememberKnownDevice } from '#lib/server/http/known-device-cookie.ts';
import { verifyTwoFactor } from '#lib/server/identity/verify-two-factor.ts';
import type { Actions, PageServerLoad } from './$types';

// Public: the second sign-in step; better-auth's signed two-factor cookie proves the password step.
export const load: PageServerLoad = async () => ({ form: await readForm(codeInput, {}) });

export const actions: Actions = {
	default: async ({ request, getClientAddress, url, cookies }) => {
		const { database, auth } = getApp();
		const form = await readForm(codeInput, request);
		const r = await submitForm(form, (data) =>
			// A 429 says when the account accepts codes again (Retry-After, set by submitForm).
			verifyTwoFactor(database.db, auth, data, { ip: getClientAddress(), headers: request.headers })
		);
		if (!r.ok) return r.failure;
		rememberKnownDevice(cookies, (await auth.$context).secret, r.result?.user.email, url.protocol === 'https:');
		rememberLocale(cookies, r.result?.user.locale);
		redirect(303, safeNext(url.searchParams.get('next'), '/'));
	}
};
