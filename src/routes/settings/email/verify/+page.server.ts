import { getApp } from '#lib/server/app.ts';
import { act } from '#lib/server/http/edge.ts';
import { confirmEmailChange } from '#lib/server/identity/confirm-email-change.ts';
import type { Actions, PageServerLoad } from './$types';

// Public: holding the link sent to the new address is the proof; no session is needed.
// The link from the mail to the new address. Opening it changes nothing (mail scanners open links);
// the button does. It works without being signed in: holding the link proves the new address.
export const load: PageServerLoad = async ({ url }) => ({ token: (url.searchParams.get('token') ?? '').slice(0, 100) });

export const actions: Actions = {
	default: async ({ request }) => {
		const form = Object.fromEntries(await request.formData());
		return act(async () => ({ changed: (await confirmEmailChange(getApp().database.db, form)).email }));
	}
};
