import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { cancelRegistration } from '#lib/server/events/cancel-registration.ts';
import { feedbackFromForm } from '#lib/server/events/feedback-form.ts';
import { getEvent } from '#lib/server/events/get-event.ts';
import { registerForEvent } from '#lib/server/events/register-for-event.ts';
import { sendLinkAgain } from '#lib/server/events/send-link-again.ts';
import { submitFeedback } from '#lib/server/events/submit-feedback.ts';
import { presentTimes, viewerZone } from '#lib/server/events/viewer-zone.ts';
import { act, loadOrError } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { linkAgainInput, registrationInput } from '#lib/validation/events.ts';
import type { Actions, PageServerLoad } from './$types';

// Public: anyone may read a published open event and register, with an account or as a guest.
// Drafts and clinics answer 404 to those not entitled (the domain decides); the meeting link is
// only ever sent to the person's own confirmed place.

export const load: PageServerLoad = async ({ locals, url, cookies, params }) => {
	const vz = viewerZone(locals, cookies, url);
	const zone = vz.zone;
	const view = await loadOrError(() => getEvent(getApp().database.db, locals.actor, params.id, { locale: locals.locale }));
	return {
		view,
		zone,
		zoneChosen: vz.chosen,
		times: presentTimes(view.event, vz, locals.locale),
		signedIn: locals.actor.kind === 'user',
		ended: view.event.endsAt.getTime() <= Date.now(),
		registered: url.searchParams.has('registered'),
		form: await readForm(registrationInput),
		linkAgain: await readForm(linkAgainInput)
	};
};

export const actions: Actions = {
	register: async ({ request, locals, params, getClientAddress }) => {
		const data = await request.formData();
		if (locals.actor.kind === 'user') {
			data.set('name', locals.actor.name);
			data.set('email', locals.actor.email);
		}
		const form = await readForm(registrationInput, data);
		const r = await submitForm(form, (input) =>
			registerForEvent(getApp().database.db, locals.actor, params.id, input, { locale: locals.locale, ip: getClientAddress() })
		);
		if (!r.ok) return r.failure;
		// A person signed in sees their place (new or existing: the address is theirs). A guest is
		// told the same after every registration, first or repeated, and never shown the link: it
		// goes by mail to the address, so the answer does not tell anyone who registered.
		if (locals.actor.kind === 'user') redirect(303, `/events/registrations/${r.result.token}`);
		redirect(303, `/events/${params.id}?registered`);
	},
	// Answers the same whether or not the address has a place, so it tells nobody who registered.
	linkAgain: async ({ request, locals, params, getClientAddress }) => {
		const linkAgain = await readForm(linkAgainInput, request);
		const r = await submitForm(linkAgain, (input) =>
			// A 429 carries Retry-After (set by submitForm).
			sendLinkAgain(getApp().database.db, locals.actor, params.id, input, { ip: getClientAddress() })
		);
		if (!r.ok) return fail(r.failure.status, { linkAgain });
		return { linkAgainSent: true, linkAgain };
	},
	cancel: async ({ locals, params }) =>
		act(async () => {
			const view = await getEvent(getApp().database.db, locals.actor, params.id, { locale: locals.locale });
			if (!view.mine) return { cancelled: false };
			await cancelRegistration(getApp().database.db, locals.actor, { registrationId: view.mine.id });
			return { cancelled: true };
		}),
	feedback: async ({ request, locals, params }) => {
		const data = await request.formData();
		return act(async () => {
			await submitFeedback(getApp().database.db, locals.actor, { eventId: params.id }, feedbackFromForm(data));
			return { feedbackThanks: true };
		});
	}
};
