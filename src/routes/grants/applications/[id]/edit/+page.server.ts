import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { attachAnswerFile } from '#lib/server/grants/attach-answer-file.ts';
import { allFields } from '#lib/server/grants/definition.ts';
import { describeDraftConflict, keptQuestions } from '#lib/server/grants/draft-conflict.ts';
import { draftFromForm } from '#lib/server/grants/draft-from-form.ts';
import { getApplication } from '#lib/server/grants/get-application.ts';
import { checkAnswersToSave, saveAnswers } from '#lib/server/grants/save-answers.ts';
import { transitionApplication } from '#lib/server/grants/transition-application.ts';
import type { UserActor } from '#lib/server/identity/actor.ts';
import type { Actions, PageServerLoad } from './$types';

const db = () => getApp().database.db;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const view = await loadOrError(() => getApplication(db(), actor, params.id));
	if (!view.can.edit) error(409, m.grant_e_not_editable());
	return { view, form: view.stage.form! };
};

/**
 * Saves what was typed (the Save draft button; the page's autosave posts the same form to
 * `./autosave`); with `submit`, also submits (or sends the answer to a request). A save on top of
 * answers another member saved meanwhile is merged question by question; where both changed the
 * same question, nothing is written and the page answers 409 with both.
 */
async function save(request: Request, actor: UserActor, id: string, submit: boolean) {
	const fd = await request.formData();
	const view = await loadOrError(() => getApplication(db(), actor, id));
	const form = view.stage.form;
	if (!form || !view.can.edit) error(409, m.grant_e_not_editable());
	const draft = draftFromForm(form, fd, !view.application.screenerAnswers);
	const { answers, screener } = draft;
	const result = await act(async () => {
		const { config, files } = getApp();
		// Answers that would be refused (or meet another member's save) are judged before a file is stored.
		const willSave = await checkAnswersToSave(db(), actor, id, draft);
		for (const f of allFields(form).filter((x) => x.type === 'file' && willSave)) {
			const file = fd.get(`a.${f.id}`);
			if (file instanceof File && file.size > 0)
				await attachAnswerFile(db(), actor, id, f.id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { files, maxBytes: config.uploadMaxBytes });
		}
		const r = await saveAnswers(db(), actor, id, draft);
		// The form keeps the person's own words where both changed a question, and the merge elsewhere.
		if (r.status === 'conflict') return fail(409, { conflict: describeDraftConflict(form, r, actor.locale), values: { answers: r.yours, screener } });
		if (submit) {
			const transition = view.application.status === 'more_information' ? 'answer_information' : 'submit';
			const fresh = await getApplication(db(), actor, id);
			await transitionApplication(db(), actor, id, { transition, version: fresh.application.version });
		}
		return { saved: true, version: r.application.answersVersion, savedAt: r.application.answersSavedAt?.toISOString() ?? null, kept: keptQuestions(form, r.kept, actor.locale) };
	}, { answers, screener });
	if (submit && 'saved' in result) redirect(303, `/grants/applications/${id}`);
	return result;
}

export const actions: Actions = {
	save: async ({ request, locals, url, params }) => save(request, requireUser(locals, url), params.id, false),
	submit: async ({ request, locals, url, params }) => save(request, requireUser(locals, url), params.id, true)
};
