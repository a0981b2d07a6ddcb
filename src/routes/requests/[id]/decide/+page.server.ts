import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { decideRequest } from '#lib/server/engagement/decide-request.ts';
import { getRequest } from '#lib/server/engagement/get-request.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { decisionInput } from '#lib/validation/engagement.ts';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const view = await loadOrError(() => getRequest(getApp().database.db, actor, params.id));
	if (!view.can.decide && !view.can.requestInformation) error(403, m.e_forbidden());
	return {
		id: view.request.id,
		goal: view.request.goal,
		organisation: view.organisation.name,
		gate: view.request.gate,
		safety: view.safety,
		canDecide: view.can.decide,
		canOverride: view.can.overrideGate && !!view.safety?.requirement.missing.length,
		form: await readForm(decisionInput, { decision: view.can.decide ? 'invest' : 'more_info', rationale: '', overrideGate: false, overrideReason: '' })
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const form = await readForm(decisionInput, request);
		const r = await submitForm(form, (data) => decideRequest(getApp().database.db, actor, params.id, data, { origin: url.origin }));
		if (!r.ok) return r.failure;
		// The request page says what was done: a decision, or a question back to the partner.
		redirect(303, `/requests/${params.id}?done=${form.data.decision === 'more_info' ? 'asked' : 'decided'}`);
	}
};
