// Public: anyone may read a call and check their eligibility; checking creates nothing.
import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { isCallOpen } from '#lib/server/grants/find-application.ts';
import { screenerFromForm } from '#lib/server/grants/form-data.ts';
import { listApplicantOrganisations } from '#lib/server/grants/list-applicant-organisations.ts';
import { getPublicCall } from '#lib/server/grants/list-open-calls.ts';
import { evaluateScreener } from '#lib/server/grants/screener.ts';
import type { Actions, PageServerLoad } from './$types';

async function callOr404(slug: string) {
	const row = await getPublicCall(getApp().database.db, slug);
	if (!row) error(404, m.e_not_found());
	return row;
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const { call, programme } = await callOr404(params.slug);
	const db = getApp().database.db;
	return {
		call: { id: call.id, slug: call.slug, title: call.title, summary: call.summary, currency: call.currency, maxAward: call.maxAward, rolling: call.rolling, closesAt: call.closesAt, screener: call.screener, open: isCallOpen(call) },
		programme,
		signedIn: locals.actor.kind === 'user',
		organisations: await listApplicantOrganisations(db, locals.actor)
	};
};

export const actions: Actions = {
	check: async ({ params, request, locals }) => {
		const { call } = await callOr404(params.slug);
		const answers = screenerFromForm(await request.formData());
		return { answers, result: evaluateScreener(call.screener, answers, locals.locale) };
	}
};
