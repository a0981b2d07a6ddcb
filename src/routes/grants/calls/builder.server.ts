import { fail, redirect } from '@sveltejs/kit';
import { DomainError, httpStatusFor } from '#lib/server/errors.ts';
import { m } from '#lib/paraglide/messages.js';
import { applyListOp, draftFromForm, parseListOp, type CallDraft } from '#lib/server/grants/call-draft.ts';
import { FIELD_TYPES } from '#lib/server/grants/definition.ts';
import { ORGANISATION_KINDS } from '#lib/roles.ts';

// What the new-call and edit-call pages share: the lists the builder offers, and the action that
// adds, moves or removes an item of the posted draft without storing anything.

export const builderChoices = { kinds: ORGANISATION_KINDS, fieldTypes: FIELD_TYPES };

/** Add / move / remove: the draft comes back changed, still unsaved. */
export async function editDraft(request: Request): Promise<{ draft: CallDraft; edited: true } | ReturnType<typeof fail>> {
	const fd = await request.formData();
	const draft = draftFromForm(fd);
	const raw = fd.get('op');
	if (raw === 'refresh') return { draft, edited: true };
	const op = parseListOp(raw);
	if (!op) return fail(400, { draft, message: m.e_invalid_input(), errors: {} });
	return { draft: applyListOp(draft, op), edited: true };
}

/** Stores the draft through `save`; refused input comes back with the draft, so nothing typed is lost. */
export async function saveDraft(draft: CallDraft, save: () => Promise<{ id: string }>, to: (id: string) => string) {
	let id: string;
	try {
		id = (await save()).id;
	} catch (e) {
		if (e instanceof DomainError) return fail(httpStatusFor[e.code], { message: e.message, errors: e.fields ?? {}, draft });
		throw e;
	}
	redirect(303, to(id));
}
