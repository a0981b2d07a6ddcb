import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { hasFreshProof } from '#lib/server/identity/fresh-proof.ts';
import { deleteOwnAccount } from '#lib/server/privacy/delete-own-account.ts';
import { describeErasure } from '#lib/server/privacy/describe-erasure.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const about = await loadOrError(() => describeErasure(getApp().database.db, actor, actor.userId));
	return { lastOwnerOf: about.lastOwnerOf, fresh: hasFreshProof(actor) };
};

export const actions: Actions = {
	delete: async ({ request, locals, url, cookies }) => {
		const actor = requireUser(locals, url);
		const form = await request.formData();
		const result = await act(() => deleteOwnAccount(getApp().database.db, actor, { password: form.get('password') }));
		if (result) return result;
		// The sessions are gone with the account; the browser's cookies are cleared as well.
		for (const c of cookies.getAll()) if (c.name.includes('session_')) cookies.delete(c.name, { path: '/' });
		redirect(303, '/account-deleted');
	}
};
