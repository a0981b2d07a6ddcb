import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { listNotifications } from '#lib/server/notifications/list-notifications.ts';
import { markAllRead, markRead } from '#lib/server/notifications/mark-read.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	return { items: await loadOrError(() => listNotifications(getApp().database.db, actor)) };
};

export const actions: Actions = {
	read: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const id = String((await request.formData()).get('id') ?? '');
		return act(async () => {
			await markRead(getApp().database.db, actor, id);
			return { marked: true };
		});
	},
	/** Opening a notice marks it read and goes to the item, in one click and without script. */
	open: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const id = String((await request.formData()).get('id') ?? '');
		const r = await act(() => markRead(getApp().database.db, actor, id));
		if ('href' in r) redirect(303, r.href);
		return r;
	},
	all: async ({ locals, url }) => {
		const actor = requireUser(locals, url);
		return act(async () => ({ markedAll: await markAllRead(getApp().database.db, actor) >= 0 }));
	}
};
