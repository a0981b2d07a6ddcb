import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { acceptInvitation, previewInvitation } from '#lib/server/directory/accept-invitation.ts';
import { act, loadOrError } from '#lib/server/http/edge.ts';
import type { Actions, PageServerLoad } from './$types';

// Public: the unguessable token is the permission to see the invitation; accepting needs the invited account.
export const load: PageServerLoad = async ({ params, locals }) => ({
	invitation: await loadOrError(() => previewInvitation(getApp().database.db, params.token)),
	signedInAs: locals.actor.kind === 'user' ? locals.actor.email : null
});

export const actions: Actions = {
	default: async ({ params, locals }) => {
		const result = await act(() => acceptInvitation(getApp().database.db, locals.actor, params.token));
		if (result && 'organisationId' in result) redirect(303, `/directory/${result.organisationId}`);
		return result;
	}
};
