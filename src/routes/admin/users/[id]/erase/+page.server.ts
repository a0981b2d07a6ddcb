import { fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, refillAfterProof, requireRole } from '#lib/server/http/edge.ts';
import { describeErasure } from '#lib/server/privacy/describe-erasure.ts';
import { erasePerson } from '#lib/server/privacy/erase-person.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireRole(locals, url, 'admin');
	return {
		person: await loadOrError(() => describeErasure(getApp().database.db, actor, params.id)),
		refill: await refillAfterProof(locals, url, 'erase-person')
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = requireRole(locals, url, 'admin');
		const form = await request.formData();
		// Erasure cannot be undone: the admin ticks a box saying so (works without JavaScript).
		if (form.get('confirm') !== 'yes')
			return fail(400, { message: m.privacy_confirm_required(), errors: { confirm: [m.privacy_confirm_required()] } });
		const result = await act(() => erasePerson(getApp().database.db, actor, params.id, { files: getApp().files }), { userId: params.id, confirm: 'yes' }, { resume: 'erase-person' });
		if (result) return result;
		redirect(303, params.id === actor.userId ? '/account-deleted' : '/admin/users?erased=1');
	}
};
