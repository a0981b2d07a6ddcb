import { getApp } from '#lib/server/app.ts';
import { submitContactMessage } from '#lib/server/contact/submit-contact-message.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { RateLimitedError } from '#lib/server/identity/rate-limit.ts';
import { contactInput } from '#lib/validation/contact.ts';
import type { Actions, PageServerLoad } from './$types';

// Public: anyone may tell the team how to strengthen its tools and services, without an account.
export const load: PageServerLoad = async ({ url }) => ({ form: await readForm(contactInput, { topic: url.searchParams.get('topic') ?? 'other' }) });

export const actions: Actions = {
	default: async ({ request, getClientAddress, locals, setHeaders }) => {
		const form = await readForm(contactInput, request);
		const r = await submitForm(form, (data) =>
			submitContactMessage(getApp().database.db, data, { locale: locals.locale, ip: getClientAddress() }).catch((e) => {
				if (e instanceof RateLimitedError) setHeaders({ 'retry-after': String(e.retryAfter) });
				throw e;
			})
		);
		if (!r.ok) return r.failure;
		return { form: await readForm(contactInput, { topic: 'other' }), sent: true };
	}
};
