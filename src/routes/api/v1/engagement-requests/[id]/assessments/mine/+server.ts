import { json } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { getMyAssessment } from '#lib/server/engagement/get-assessment.ts';
import { saveAssessment } from '#lib/server/engagement/save-assessment.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) => {
	const { set, assessment } = await getMyAssessment(getApp().database.db, actor, params.id);
	return json({ criteriaSet: { id: set.id, version: set.version }, id: assessment.id, submittedAt: assessment.submittedAt, scores: assessment.scores });
});

export const PUT: RequestHandler = api(async ({ params, request }, actor) =>
	json(await saveAssessment(getApp().database.db, actor, params.id, await readJson(request)))
);
