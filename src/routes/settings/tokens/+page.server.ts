import { getApp } from '#lib/server/app.ts';
import { act, refillAfterProof, requireStaff } from '#lib/server/http/edge.ts';
import { hasFreshProof } from '#lib/server/identity/fresh-proof.ts';
import { createApiToken } from '#lib/server/identity/create-api-token.ts';
import { listApiTokens } from '#lib/server/identity/list-api-tokens.ts';
import { revokeApiToken } from '#lib/server/identity/revoke-api-token.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireStaff(locals, url);
	// Back from confirming who one is: the form as it was filled in, to be sent again (the new token
	// is shown once, in answer to that press, so it is never created behind the person's back).
	const refill = await refillAfterProof(locals, url, 'create-api-token');
	const prefill = { name: refill?.values.name ?? '', expiresInDays: refill?.values.expiresInDays ?? '' };
	return { tokens: await listApiTokens(getApp().database.db, actor), fresh: hasFreshProof(actor), prefill, refilled: !!refill };
};

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const actor = requireStaff(locals, url);
		const values = Object.fromEntries(await request.formData());
		return act(async () => ({ created: await createApiToken(getApp().database.db, actor, values) }), values, { resume: 'create-api-token' });
	},
	revoke: async ({ request, locals, url }) => {
		const actor = requireStaff(locals, url);
		const id = String((await request.formData()).get('id') ?? '');
		return act(async () => {
			await revokeApiToken(getApp().database.db, actor, id);
			return { revoked: true };
		});
	}
};
