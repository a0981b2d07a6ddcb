import { getApp } from '#lib/server/app.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { emailInput } from '#lib/server/identity/account-schemas.ts';
import { requestPasswordReset } from '#lib/server/identity/request-password-reset.ts';
import type { Actions, PageServerLoad } from './$types';

// Public: asking for a reset link reveals nothing about whether the address has an account.
export const load: PageServerLoad = async () => ({ form: await readForm(emailInput, {}) });

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const { database, auth } = getApp();
		const form = await readForm(emailInput, request);
		const r = await submitForm(form, (data) => requestPasswordReset(database.db, auth, data, getClientAddress()));
		if (!r.ok) return r.failure;
		return { form, sent: true };
	}
};
