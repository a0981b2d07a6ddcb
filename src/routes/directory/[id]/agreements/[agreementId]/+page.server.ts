import { getApp } from '#lib/server/app.ts';
import { listActivity } from '#lib/server/activity/list-activity.ts';
import { attachDocument } from '#lib/server/directory/attach-document.ts';
import { getAgreement } from '#lib/server/directory/get-agreement.ts';
import { canManageAgreements, canSeeActivity } from '#lib/server/directory/policies.ts';
import { updateAgreement } from '#lib/server/directory/update-agreement.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { readForm, submitForm } from '#lib/server/http/forms.ts';
import { agreementInput } from '#lib/validation/directory.ts';
import { withFiles } from 'sveltekit-superforms/server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const { agreement, organisation, documents } = await loadOrError(() => getAgreement(db, actor, params.agreementId));
	const canManage = canManageAgreements(actor).allowed;
	return {
		agreement,
		org: { id: organisation.id, name: organisation.name },
		documents,
		canManage,
		activity: canSeeActivity(actor).allowed ? await listActivity(db, actor, { subjectType: 'agreement', subjectId: agreement.id }) : null,
		form: canManage
			? await readForm(agreementInput, { ...agreement, endDate: agreement.endDate ?? '' })
			: null
	};
};

export const actions: Actions = {
	save: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const form = await readForm(agreementInput, request);
		const r = await submitForm(form, (data) => updateAgreement(getApp().database.db, actor, params.agreementId, data));
		if (!r.ok) return r.failure;
		return { form, saved: true };
	},
	upload: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const data = await request.formData();
		const file = data.get('file');
		const { database, config, files } = getApp();
		return act(async () => {
			const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
			const doc = await attachDocument(database.db, actor, params.agreementId, upload, { files, maxBytes: config.uploadMaxBytes });
			return withFiles({ uploaded: doc.filename });
		});
	}
};
