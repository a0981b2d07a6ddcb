import { error, fail } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { addActivity } from '#lib/server/toolkit/add-activity.ts';
import { addMessage } from '#lib/server/toolkit/add-message.ts';
import { addMonitoringEntry } from '#lib/server/toolkit/add-monitoring-entry.ts';
import { addTactic } from '#lib/server/toolkit/add-tactic.ts';
import { formValues } from '#lib/server/toolkit/form-values.ts';
import { getStrategyStep } from '#lib/server/toolkit/get-strategy-step.ts';
import { removePlanItem } from '#lib/server/toolkit/remove-plan-item.ts';
import { saveStep } from '#lib/server/toolkit/save-step.ts';
import { updateActivityStatuses } from '#lib/server/toolkit/update-activity-statuses.ts';
import type { Step } from '#lib/toolkit-codes.ts';
import type { Actions, PageServerLoad } from './$types';

// Forms post without script; the step's autosave is one small script of its own (StepForm.svelte).
export const csr = false;

const stepOf = (n: string): Step => {
	if (!['1', '2', '3', '4'].includes(n)) error(404, m.e_not_found());
	return Number(n) as Step;
};

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const step = stepOf(params.n);
	const query = step === 3 ? Object.fromEntries(url.searchParams) : {};
	const { strategy, ...view } = await loadOrError(() => getStrategyStep(getApp().database.db, actor, params.id, step, query));
	return { ...view, s: strategy };
};

const db = () => getApp().database.db;

export const actions: Actions = {
	save: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const step = stepOf(params.n);
		const values = formValues(await request.formData());
		return act(async () => {
			const r = await saveStep(db(), actor, params.id, step, values);
			if (r.status === 'conflict') return fail(409, { conflict: r });
			return { saved: true, version: r.version, savedAt: r.savedAt.toISOString() };
		}, values);
	},
	addTactic: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const values = formValues(await request.formData());
		return act(async () => ({ added: 'tactic', item: (await addTactic(db(), actor, params.id, values)).id }), { ...values, _form: 'tactic' });
	},
	addMessage: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const values = formValues(await request.formData());
		return act(async () => ({ added: 'message', item: (await addMessage(db(), actor, params.id, values)).id }), { ...values, _form: 'message' });
	},
	addActivity: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const values = formValues(await request.formData(), { booleans: ['milestone'] });
		return act(async () => ({ added: 'activity', item: (await addActivity(db(), actor, params.id, values)).id }), { ...values, _form: 'activity' });
	},
	setStatuses: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const data = await request.formData();
		return act(async () => ({ statuses: await updateActivityStatuses(db(), actor, params.id, { ids: data.getAll('id'), statuses: data.getAll('status') }) }));
	},
	addEntry: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const values = formValues(await request.formData());
		return act(async () => ({ added: String(values.kind), item: (await addMonitoringEntry(db(), actor, params.id, values)).id }), { ...values, _form: String(values.kind) });
	},
	remove: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const data = await request.formData();
		return act(async () => ({ removed: await removePlanItem(db(), actor, params.id, String(data.get('kind') ?? ''), String(data.get('id') ?? '')) }));
	}
};
