import { getApp } from '#lib/server/app.ts';
import { cancelRegistration } from '#lib/server/events/cancel-registration.ts';
import { feedbackFromForm } from '#lib/server/events/feedback-form.ts';
import { getRegistrationView } from '#lib/server/events/get-registration-view.ts';
import { submitFeedback } from '#lib/server/events/submit-feedback.ts';
import { presentTimes, viewerZone } from '#lib/server/events/viewer-zone.ts';
import { act, loadOrError } from '#lib/server/http/edge.ts';
import type { Actions, PageServerLoad } from './$types';

// Public: the personal link from the confirmation mail is the permission; it opens only its own registration.

export const load: PageServerLoad = async ({ locals, url, cookies, params, setHeaders }) => {
	setHeaders({ 'Cache-Control': 'private, no-store' });
	const vz = viewerZone(locals, cookies, url);
	const zone = vz.zone;
	const view = await loadOrError(() => getRegistrationView(getApp().database.db, params.token, locals.locale));
	return { view, zone, zoneChosen: vz.chosen, times: presentTimes(view.event, vz, locals.locale), token: params.token };
};

export const actions: Actions = {
	cancel: async ({ locals, params }) =>
		act(async () => {
			await cancelRegistration(getApp().database.db, locals.actor, { token: params.token });
			return { cancelled: true };
		}),
	feedback: async ({ request, locals, params }) => {
		const data = await request.formData();
		return act(async () => {
			await submitFeedback(getApp().database.db, locals.actor, { token: params.token }, feedbackFromForm(data));
			return { feedbackThanks: true };
		});
	}
};
