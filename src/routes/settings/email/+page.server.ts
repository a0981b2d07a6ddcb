import { getApp } from '#lib/server/app.ts';
import { act, confirmPath, requireUser } from '#lib/server/http/edge.ts';
import { hasFreshProof } from '#lib/server/identity/fresh-proof.ts';
import { requestEmailChange } from '#lib/server/identity/request-email-change.ts';
import type { Actions, PageServerLoad } from './$types';

// Changing one's e-mail address: a fresh proof first, then a link to the new address.
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	// Back from confirming who one is, the address typed before is filled in again.
	return { email: actor.email, fresh: hasFreshProof(actor), confirmHref: confirmPath('/settings/email'), prefill: url.searchParams.get('email') ?? '' };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const form = Object.fromEntries(await request.formData());
		const email = typeof form.email === 'string' ? form.email : '';
		return act(async () => ({ sent: (await requestEmailChange(getApp().database.db, actor, form, getApp().baseURL)).email }), { email });
	}
};
