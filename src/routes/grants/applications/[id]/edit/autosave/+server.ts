import { json } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { DomainError } from '#lib/server/errors.ts';
import { draftFromForm } from '#lib/server/grants/draft-from-form.ts';
import { getApplication } from '#lib/server/grants/get-application.ts';
import { saveAnswers } from '#lib/server/grants/save-answers.ts';
import { api } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

/**
 * The draft page's autosave: the page's own form (without its files), saved by the use case its
 * Save draft button calls. A stale `baseVersion` is merged question by question; where both
 * changed a question it answers 409 and writes nothing. After either, the page posts the form as
 * the button would, and what comes back shows the merged answers or both versions.
 */
export const POST: RequestHandler = api(async ({ params, request }, actor) => {
	const db = getApp().database.db;
	const fd = await request.formData();
	const view = await getApplication(db, actor, params.id);
	const form = view.stage.form;
	if (!form || !view.can.edit) throw new DomainError('INVALID_TRANSITION', m.grant_e_not_editable());
	const r = await saveAnswers(db, actor, params.id, draftFromForm(form, fd, !view.application.screenerAnswers));
	if (r.status === 'conflict')
		return json({ error: { code: 'CONFLICT', message: m.grant_draft_conflict_title() }, theirs: { version: r.theirs.version }, fields: r.fields }, { status: 409 });
	// `merged`: another member's changes to other questions were kept; the page reloads to show them.
	return json({ version: r.application.answersVersion, savedAt: r.application.answersSavedAt?.toISOString() ?? null, merged: r.kept.length > 0 });
});
