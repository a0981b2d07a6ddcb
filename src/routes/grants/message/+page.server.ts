import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { listCallMessages } from '#lib/server/grants/list-call-messages.ts';
import { messageApplicants } from '#lib/server/grants/message-applicants.ts';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	return loadOrError(() => listCallMessages(getApp().database.db, actor, url.searchParams.get('call') ?? ''));
};

export const actions: Actions = {
	send: async ({ locals, url, request }) => {
		const actor = requireUser(locals, url);
		const input = Object.fromEntries(await request.formData());
		return act(async () => {
			const msg = await messageApplicants(getApp().database.db, actor, url.searchParams.get('call') ?? '', input);
			return { sent: msg.recipients };
		}, input);
	}
};
