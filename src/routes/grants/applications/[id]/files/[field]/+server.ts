import { getApp } from '#lib/server/app.ts';
import { attachAnswerFileHeaders } from '#lib/server/grants/file-headers.ts';
import { openAnswerFile } from '#lib/server/grants/attach-answer-file.ts';
import type { FileAnswer } from '#lib/server/grants/definition.ts';
import { getApplication } from '#lib/server/grants/get-application.ts';
import { loadOrError, requireUser } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

/** Served as an attachment, never inline, so an uploaded file cannot run as a page. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const { file, stored } = await loadOrError(async () => {
		const view = await getApplication(db, actor, params.id);
		// A withheld answer is not served; a file's name comes as this reader may see it.
		const shown = view.application.answers[params.field] as FileAnswer | null | undefined;
		const opened = await openAnswerFile(db, actor, params.id, params.field, getApp().files, view.seeAnswers && !!shown);
		return { ...opened, file: { ...opened.file, name: shown?.name ?? opened.file.name } };
	});
	return new Response(stored.stream, { headers: attachAnswerFileHeaders(file) });
};
