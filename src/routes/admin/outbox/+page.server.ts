import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireRole } from '#lib/server/http/edge.ts';
import { listOutbox } from '#lib/server/mail/list-outbox.ts';
import { retryMail } from '#lib/server/mail/retry-mail.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireRole(locals, url, 'admin');
	return { result: await loadOrError(() => listOutbox(getApp().database.db, actor, Object.fromEntries(url.searchParams))) };
};

export const actions: Actions = {
	retry: async ({ request, locals, url }) => {
		const actor = requireRole(locals, url, 'admin');
		const id = String((await request.formData()).get('id') ?? '');
		return act(async () => {
			await retryMail(getApp().database.db, actor, id);
			return { retried: id };
		});
	}
};
