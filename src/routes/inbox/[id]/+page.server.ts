import { getApp } from '#lib/server/app.ts';
import { answerContactMessage } from '#lib/server/contact/answer-contact-message.ts';
import { closeContactMessage } from '#lib/server/contact/close-contact-message.ts';
import { getContactMessage } from '#lib/server/contact/get-contact-message.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	return { message: await loadOrError(() => getContactMessage(getApp().database.db, actor, params.id)) };
};

export const actions: Actions = {
	answer: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const answer = String((await request.formData()).get('answer') ?? '');
		return act(async () => {
			await answerContactMessage(getApp().database.db, actor, params.id, { answer });
			return { answered: true };
		}, { answer });
	},
	close: async ({ locals, url, params }) => {
		const actor = requireUser(locals, url);
		return act(async () => {
			await closeContactMessage(getApp().database.db, actor, params.id);
			return { closed: true };
		});
	}
};
