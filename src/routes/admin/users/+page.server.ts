import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, refillAfterProof, requireRole } from '#lib/server/http/edge.ts';
import { endUserSessions } from '#lib/server/identity/end-user-sessions.ts';
import { grantRole } from '#lib/server/identity/grant-role.ts';
import { listUsers } from '#lib/server/identity/list-users.ts';
import type { Actions, PageServerLoad } from './$types';
import { pageNumber } from '#lib/server/http/input-text.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireRole(locals, url, 'admin');
	const q = url.searchParams.get('q') ?? '';
	const page = pageNumber(url.searchParams.get('page'));
	return {
		q,
		result: await loadOrError(() => listUsers(getApp().database.db, actor, q, page)),
		// Back from confirming who one is, when changing the role could not be finished: the choice as made.
		refill: await refillAfterProof(locals, url, 'grant-role'),
		roleChanged: url.searchParams.get('done') === 'role'
	};
};

export const actions: Actions = {
	role: async ({ request, locals, url }) => {
		const actor = requireRole(locals, url, 'admin');
		const data = await request.formData();
		const values = { userId: String(data.get('userId') ?? ''), role: String(data.get('role') ?? '') };
		return act(
			async () => {
				await grantRole(getApp().database.db, actor, values.userId, values.role);
				return { saved: true };
			},
			values,
			{ resume: 'grant-role' }
		);
	},
	endSessions: async ({ request, locals, url }) => {
		const actor = requireRole(locals, url, 'admin');
		const data = await request.formData();
		return act(async () => {
			const r = await endUserSessions(getApp().database.db, actor, String(data.get('userId') ?? ''));
			return { sessionsEnded: r.sessions, tokensRevoked: r.tokens };
		});
	}
};
