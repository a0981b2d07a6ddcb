import { getApp } from '#lib/server/app.ts';
import { act, requireUser } from '#lib/server/http/edge.ts';
import { endOtherSessions, endSession } from '#lib/server/identity/end-session.ts';
import { listSessions } from '#lib/server/identity/list-sessions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	return { sessions: await listSessions(getApp().database.db, actor, locals.sessionId) };
};

export const actions: Actions = {
	end: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const data = await request.formData();
		return act(async () => {
			await endSession(getApp().database.db, actor, String(data.get('sessionId') ?? ''));
			return { ended: 1 };
		});
	},
	others: async ({ locals, url }) => {
		const actor = requireUser(locals, url);
		return act(async () => ({ ended: await endOtherSessions(getApp().database.db, actor, locals.sessionId) }));
	}
};
