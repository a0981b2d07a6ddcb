import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { addStakeholder } from '#lib/server/toolkit/add-stakeholder.ts';
import { formValues } from '#lib/server/toolkit/form-values.ts';
import { getPowerMap } from '#lib/server/toolkit/get-power-map.ts';
import { removePlanItem } from '#lib/server/toolkit/remove-plan-item.ts';
import { moveStakeholder, updateStakeholder } from '#lib/server/toolkit/update-stakeholder.ts';
import type { Actions, PageServerLoad } from './$types';

// Forms post without script; the map's moves are one small script of their own (PowerMap.svelte).
export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const v = await loadOrError(() => getPowerMap(getApp().database.db, actor, params.id));
	return { s: v.strategy, org: v.org, can: v.can, stakeholders: v.stakeholders, gaps: v.gaps, editing: url.searchParams.get('edit') ?? '' };
};

const db = () => getApp().database.db;
const read = async (request: Request) => formValues(await request.formData(), { booleans: ['target', 'ally'], arrays: ['ties'] });

export const actions: Actions = {
	add: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const values = await read(request);
		return act(async () => ({ added: (await addStakeholder(db(), actor, params.id, values)).id }), { ...values, _form: 'new' });
	},
	update: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const values = await read(request);
		const id = String(values.id ?? '');
		return act(async () => ({ updated: (await updateStakeholder(db(), actor, params.id, id, values)).id }), { ...values, _form: id });
	},
	move: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const values = formValues(await request.formData());
		return act(async () => {
			const s = await moveStakeholder(db(), actor, params.id, String(values.id ?? ''), values);
			return { moved: s.id, position: s.position, power: s.power };
		});
	},
	remove: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const data = await request.formData();
		return act(async () => ({ removed: await removePlanItem(db(), actor, params.id, 'stakeholder', String(data.get('id') ?? '')) }));
	}
};
