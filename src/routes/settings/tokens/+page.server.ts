import { getApp } from '#lib/server/app.ts';
import { act, requireStaff } from '#lib/server/http/edge.ts';
import { hasFreshProof } from '#lib/server/identity/fresh-proof.ts';
import { createApiToken } from '#lib/server/identity/create-api-token.ts';
import { listApiTokens } from '#lib/server/identity/list-api-tokens.ts';
import { revokeApiToken } from '#lib/server/identity/revoke-api-token.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireStaff(locals, url);
	// Back from confirming who one is: the form as it was filled in.
	const prefill = { name: url.searchParams.get('name') ?? '', expiresInDays: url.searchParams.get('expiresInDays') ?? '' };
	return { tokens: await listApiTokens(getApp().database.db, actor), fresh: hasFreshProof(actor), prefill };
};

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const actor = requireStaff(locals, url);
		const values = Object.fromEntries(await request.formData());
		return act(async () => ({ created: await createApiToken(getApp().database.db, actor, values) }), values);
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
