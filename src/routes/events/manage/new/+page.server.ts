import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { createEvent } from '#lib/server/events/create-event.ts';
import { eventFormOptions } from '#lib/server/events/form-options.ts';
import { scheduleClinic } from '#lib/server/events/schedule-clinic.ts';
import { requireStaff } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { eventInput } from '#lib/validation/events.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireStaff(locals, url);
	const options = await eventFormOptions(getApp().database.db, locals.locale);
	const clinic = url.searchParams.get('clinic') ?? '';
	const form = await readForm(eventInput, {
		timeZone: actor.timeZone,
		languages: [locals.locale],
		capacity: 0,
		waitlistEnabled: true,
		status: 'draft',
		formatId: ''
	});
	return { form, options, clinic };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireStaff(locals, url);
		const form = await readForm(eventInput, request);
		const clinic = url.searchParams.get('clinic');
		const db = getApp().database.db;
		const r = await submitForm(form, (data) => (clinic ? scheduleClinic(db, actor, clinic, data) : createEvent(db, actor, data)));
		if (!r.ok) return r.failure;
		redirect(303, `/events/manage/${r.result.id}`);
	}
};
