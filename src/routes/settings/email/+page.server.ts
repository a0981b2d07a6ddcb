import { getApp } from '#lib/server/app.ts';
import { act, confirmPath, refillAfterProof, requireUser } from '#lib/server/http/edge.ts';
import { hasFreshProof } from '#lib/server/identity/fresh-proof.ts';
import { requestEmailChange } from '#lib/server/identity/request-email-change.ts';
import type { Actions, PageServerLoad } from './$types';

// Changing one's e-mail address: a fresh proof first, then a link to the new address.
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	// Back from confirming who one is: the link went out (`sent`), or the address typed before is
	// filled in again with why it could not be sent.
	const refill = await refillAfterProof(locals, url, 'request-email-change');
	return {
		email: actor.email,
		fresh: hasFreshProof(actor),
		confirmHref: confirmPath('/settings/email'),
		prefill: refill?.values.email ?? '',
		refused: refill?.message ?? null,
		sent: url.searchParams.get('sent') === '1'
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const form = Object.fromEntries(await request.formData());
		const email = typeof form.email === 'string' ? form.email : '';
		return act(async () => ({ sent: (await requestEmailChange(getApp().database.db, actor, form, getApp().baseURL)).email }), { email }, { resume: 'request-email-change' });
	}
};
