import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { getStrategyOverview } from '#lib/server/toolkit/get-strategy-overview.ts';
import { handOffStrategy } from '#lib/server/toolkit/hand-off-strategy.ts';
import { setCollaborator } from '#lib/server/toolkit/set-collaborator.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const v = await loadOrError(() => getStrategyOverview(getApp().database.db, actor, params.id));
	return { s: v.strategy, org: v.org, can: v.can, role: v.role, progress: v.progress, team: v.team, me: actor.userId };
};

export const actions: Actions = {
	setRole: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const data = await request.formData();
		const input = { userId: String(data.get('userId') ?? ''), role: String(data.get('role') ?? '') };
		return act(async () => ({ roleSaved: (await setCollaborator(getApp().database.db, actor, params.id, input)).userId }), input);
	},
	handOff: async ({ locals, url, params }) => {
		const actor = requireUser(locals, url);
		const r = await act(() => handOffStrategy(getApp().database.db, actor, params.id));
		if ('href' in r) redirect(303, r.href);
		return r;
	}
};
