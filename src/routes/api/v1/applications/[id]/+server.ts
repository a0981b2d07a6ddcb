import { json } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { getApplication } from '#lib/server/grants/get-application.ts';
import { saveAnswers } from '#lib/server/grants/save-answers.ts';
import { applicationJson } from '#lib/server/grants/serialize.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ params }, actor) => {
	const v = await getApplication(getApp().database.db, actor, params.id);
	return json({
		...applicationJson(v.application),
		can: v.can,
		award: v.award && { amount: v.award.amount, currency: v.award.currency, conditions: v.award.conditions, awardedAt: v.award.awardedAt },
		tranches: v.tranches.map((t) => ({ id: t.id, plannedDate: t.plannedDate, plannedAmount: t.plannedAmount, paidDate: t.paidDate, paidAmount: t.paidAmount })),
		reports: v.reports.map((r) => ({ id: r.id, dueDate: r.dueDate, submittedAt: r.submittedAt })),
		changes: v.changes,
		withheld: v.withheld
	});
});

/**
 * A stale `baseVersion` is merged question by question with what was saved since; only a question
 * both changed differently answers 409 with both sets of answers, and nothing is written.
 */
export const PATCH: RequestHandler = api(async ({ params, request }, actor) => {
	const r = await saveAnswers(getApp().database.db, actor, params.id, await readJson(request));
	if (r.status === 'conflict')
		return json(
			{ error: { code: 'CONFLICT', message: m.grant_draft_conflict_title() }, theirs: { ...r.theirs, savedAt: r.theirs.savedAt?.toISOString() ?? null }, yours: r.yours, fields: r.fields },
			{ status: 409 }
		);
	return json(applicationJson(r.application));
});
