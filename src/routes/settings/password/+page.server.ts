import { getApp } from '#lib/server/app.ts';
import { act, requireUser } from '#lib/server/http/edge.ts';
import { changePassword } from '#lib/server/identity/change-password.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireUser(locals, url);
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const form = Object.fromEntries(await request.formData());
		return act(async () => {
			await changePassword(getApp().database.db, getApp().auth, actor, form, request.headers);
			return { passwordChanged: true };
		});
	}
};
