import { getApp } from '#lib/server/app.ts';
import { addToNeedToKnow } from '#lib/server/directory/add-to-need-to-know.ts';
import { getOrganisation } from '#lib/server/directory/get-organisation.ts';
import { listNeedToKnow } from '#lib/server/directory/list-need-to-know.ts';
import { removeFromNeedToKnow } from '#lib/server/directory/remove-from-need-to-know.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { Actions, PageServerLoad } from './$types';

// Plain forms: the list is kept without any script.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const list = await loadOrError(() => listNeedToKnow(db, actor, params.id));
	const { org } = await loadOrError(() => getOrganisation(db, actor, params.id));
	return { org: { id: org.id, name: org.name, reference: org.reference, sensitive: org.sensitive }, list };
};

export const actions: Actions = {
	add: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const userId = String((await request.formData()).get('userId') ?? '');
		return act(async () => {
			const db = getApp().database.db;
			await addToNeedToKnow(db, actor, params.id, { userId });
			const { people } = await listNeedToKnow(db, actor, params.id);
			return { added: people.find((p) => p.userId === userId)?.name ?? '' };
		});
	},
	remove: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const userId = String((await request.formData()).get('userId') ?? '');
		return act(async () => {
			await removeFromNeedToKnow(getApp().database.db, actor, params.id, userId);
			return { removed: true };
		});
	}
};
