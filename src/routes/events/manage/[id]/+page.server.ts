import { fail } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { getApp } from '#lib/server/app.ts';
import { cancelRegistration } from '#lib/server/events/cancel-registration.ts';
import { decideRequest } from '#lib/server/events/decide-request.ts';
import { eventFormValues } from '#lib/server/events/event-form-values.ts';
import { feedbackResults } from '#lib/server/events/feedback-results.ts';
import { findVisibleEvent } from '#lib/server/events/find-event.ts';
import { eventFormOptions } from '#lib/server/events/form-options.ts';
import { latestSummary } from '#lib/server/events/get-event.ts';
import { listRegistrations } from '#lib/server/events/list-registrations.ts';
import { publishSummary } from '#lib/server/events/publish-summary.ts';
import { recordAttendance } from '#lib/server/events/record-attendance.ts';
import { saveSurvey } from '#lib/server/events/save-survey.ts';
import { eventSurveys, eventTopics } from '#lib/server/events/schema.ts';
import { updateEvent } from '#lib/server/events/update-event.ts';
import { act, loadOrError, requireStaff } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { eventInput, summaryInput, surveyInput } from '#lib/validation/events.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireStaff(locals, url);
	const db = getApp().database.db;
	const event = await loadOrError(() => findVisibleEvent(db, actor, params.id));
	const topics = await db.select().from(eventTopics).where(eq(eventTopics.eventId, event.id));
	const [survey] = await db.select().from(eventSurveys).where(eq(eventSurveys.eventId, event.id));
	const summary = await latestSummary(db, event.id, locals.locale);
	return {
		event: { id: event.id, title: event.title, status: event.status, capacity: event.capacity, confirmedCount: event.confirmedCount, endsAt: event.endsAt },
		form: await readForm(eventInput, eventFormValues(event, topics.map((t) => t.topicId))),
		options: await eventFormOptions(db, locals.locale),
		registrations: await loadOrError(() => listRegistrations(db, actor, event.id)),
		summaryForm: await readForm(summaryInput, { locale: summary?.locale ?? locals.locale, body: summary?.body ?? '', materials: summary?.materials.map((x) => `${x.title} ${x.url}`).join('\n') ?? '' }),
		summaryVersion: summary?.version ?? 0,
		surveyForm: await readForm(surveyInput, { anonymous: survey?.anonymous ?? true, questions: survey?.questions.map((q) => q.text.en).join('\n') ?? '' }),
		results: await loadOrError(() => feedbackResults(db, actor, event.id, locals.locale))
	};
};

const idFrom = async (request: Request) => String((await request.formData()).get('registrationId') ?? '');

export const actions: Actions = {
	save: async ({ request, locals, url, params }) => {
		const actor = requireStaff(locals, url);
		const form = await readForm(eventInput, request);
		const r = await submitForm(form, (data) => updateEvent(getApp().database.db, actor, params.id, data));
		if (!r.ok) return r.failure;
		return { form, saved: true };
	},
	approve: async ({ request, locals, url }) => {
		const actor = requireStaff(locals, url);
		const id = await idFrom(request);
		return act(async () => ({ decided: (await decideRequest(getApp().database.db, actor, id, 'approve')).status }));
	},
	decline: async ({ request, locals, url }) => {
		const actor = requireStaff(locals, url);
		const id = await idFrom(request);
		return act(async () => ({ decided: (await decideRequest(getApp().database.db, actor, id, 'decline')).status }));
	},
	cancelRegistration: async ({ request, locals, url }) => {
		const actor = requireStaff(locals, url);
		const id = await idFrom(request);
		return act(async () => ({ decided: (await cancelRegistration(getApp().database.db, actor, { registrationId: id })).status }));
	},
	attendance: async ({ request, locals, url, params }) => {
		const actor = requireStaff(locals, url);
		const ids = (await request.formData()).getAll('attended').map(String);
		return act(async () => ({ attendance: (await recordAttendance(getApp().database.db, actor, params.id, ids)).attended }));
	},
	summary: async ({ request, locals, url, params }) => {
		const actor = requireStaff(locals, url);
		const form = await readForm(summaryInput, request);
		const r = await submitForm(form, (data) => publishSummary(getApp().database.db, actor, params.id, data));
		if (!r.ok) return fail(r.failure.status, { summaryForm: r.failure.data.form });
		return { published: r.result.version };
	},
	survey: async ({ request, locals, url, params }) => {
		const actor = requireStaff(locals, url);
		const form = await readForm(surveyInput, request);
		const r = await submitForm(form, (data) => saveSurvey(getApp().database.db, actor, params.id, data));
		if (!r.ok) return fail(r.failure.status, { surveyForm: r.failure.data.form });
		return { surveySaved: true };
	}
};
