import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { signUpInput } from '#lib/server/identity/account-schemas.ts';
import { signUp } from '#lib/server/identity/sign-up.ts';
import type { Actions, PageServerLoad } from './$types';

// Public: anyone may create an account; it stays unusable until the e-mail address is verified.
export const load: PageServerLoad = async ({ locals }) => {
	if (locals.actor.kind === 'user') redirect(303, '/');
	return { form: await readForm(signUpInput, { locale: locals.locale, timeZone: 'UTC' }) };
};

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const { database, auth } = getApp();
		const form = await readForm(signUpInput, request);
		const r = await submitForm(form, (data) => signUp(database.db, auth, data, getClientAddress()));
		if (!r.ok) {
			form.data.password = '';
			return r.failure;
		}
		redirect(303, '/sign-up/check-email');
	}
};
