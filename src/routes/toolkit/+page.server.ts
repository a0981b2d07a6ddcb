import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { createStrategy } from '#lib/server/toolkit/create-strategy.ts';
import { listMyStrategies, organisationsForNewStrategy } from '#lib/server/toolkit/list-strategies.ts';
import { strategyInput } from '#lib/validation/toolkit.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	return {
		strategies: await loadOrError(() => listMyStrategies(db, actor)),
		organisations: await organisationsForNewStrategy(db, actor),
		chosen: url.searchParams.get('organisation') ?? '',
		form: await readForm(strategyInput, { language: locals.locale })
	};
};

export const actions: Actions = {
	create: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const data = await request.formData();
		const form = await readForm(strategyInput, data);
		const organisationId = String(data.get('organisationId') ?? '');
		const r = await submitForm(form, (input) => createStrategy(getApp().database.db, actor, organisationId, input));
		if (!r.ok) return r.failure;
		redirect(303, `/toolkit/${r.result.id}`);
	}
};
