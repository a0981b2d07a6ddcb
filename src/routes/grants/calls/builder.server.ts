import { fail } from '@sveltejs/kit';
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
