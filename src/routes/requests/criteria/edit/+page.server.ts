import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { createCriteriaVersion } from '#lib/server/engagement/create-criteria-version.ts';
import { criteriaSetFromForm } from '#lib/server/engagement/form-input.ts';
import { getCriteriaSet } from '#lib/server/engagement/get-criteria-set.ts';
import { act, loadOrError, requireRole } from '#lib/server/http/edge.ts';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireRole(locals, url, 'admin');
	return { set: await loadOrError(() => getCriteriaSet(getApp().database.db, actor, 'current')) };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireRole(locals, url, 'admin');
		const db = getApp().database.db;
		const base = await getCriteriaSet(db, actor, 'current');
		const input = criteriaSetFromForm(await request.formData(), base);
		const result = await act(() => createCriteriaVersion(db, actor, input), input as unknown as Record<string, unknown>);
		if (result && 'version' in result) redirect(303, `/requests/criteria?version=${result.version}`);
		return result;
	}
};
