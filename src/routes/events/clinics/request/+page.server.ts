import { inArray } from 'drizzle-orm';
import { getApp } from '#lib/server/app.ts';
import { organisations } from '#lib/server/directory/schema.ts';
import { requestClinic } from '#lib/server/events/request-clinic.ts';
import { requireUser } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { clinicRequestInput } from '#lib/validation/events.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const ids = [...actor.memberships.keys()];
	const orgs = ids.length ? await getApp().database.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids)) : [];
	return { orgs, form: await readForm(clinicRequestInput, { organisationId: orgs[0]?.id ?? '', language: locals.locale }) };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const form = await readForm(clinicRequestInput, request);
		const r = await submitForm(form, (data) => requestClinic(getApp().database.db, actor, data));
		if (!r.ok) return r.failure;
		return { form, requested: true };
	}
};
