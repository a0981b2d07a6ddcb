import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { act, requireUser } from '#lib/server/http/edge.ts';
import { screenerFromForm } from '#lib/server/grants/form-data.ts';
import { getPublicCall } from '#lib/server/grants/list-open-calls.ts';
import { startApplication } from '#lib/server/grants/start-application.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	requireUser(locals, url);
	redirect(303, `/calls/${params.slug}`);
};

export const actions: Actions = {
	default: async ({ locals, url, params, request }) => {
		const actor = requireUser(locals, url);
		const db = getApp().database.db;
		const row = await getPublicCall(db, params.slug);
		if (!row) error(404, m.e_not_found());
		const fd = await request.formData();
		const input = { callId: row.call.id, organisationId: String(fd.get('organisationId') ?? ''), screener: screenerFromForm(fd) };
		const result = await act(() => startApplication(db, actor, input), input);
		if ('id' in result) redirect(303, `/grants/applications/${result.id}/edit`);
		return result;
	}
};
