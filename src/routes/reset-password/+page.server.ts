import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { resetInput } from '#lib/server/identity/account-schemas.ts';
import { resetPassword } from '#lib/server/identity/reset-password.ts';
import type { Actions, PageServerLoad } from './$types';

// Public: the short-lived token from the e-mailed link is the permission.
export const load: PageServerLoad = async ({ url }) => ({
	form: await readForm(resetInput, { token: url.searchParams.get('token') ?? '' }),
	invalid: url.searchParams.has('error') || !url.searchParams.get('token')
});

export const actions: Actions = {
	default: async ({ request }) => {
		const form = await readForm(resetInput, request);
		const r = await submitForm(form, (data) => resetPassword(getApp().auth, data));
		if (!r.ok) {
			form.data.password = '';
			return r.failure;
		}
		redirect(303, '/sign-in?reset=1');
	}
};
