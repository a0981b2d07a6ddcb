import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import type { Actions, PageServerLoad } from './$types';

// Public: signing out needs no rights; without a session it simply returns home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, locals }) => {
		if (locals.actor.kind === 'user') await getApp().auth.api.signOut({ headers: request.headers });
		redirect(303, '/');
	}
};
