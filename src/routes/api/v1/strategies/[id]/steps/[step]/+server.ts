import { json } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getApp } from '#lib/server/app.ts';
import { DomainError } from '#lib/server/errors.ts';
import { api, readJson } from '#lib/server/http/edge.ts';
import { saveStep } from '#lib/server/toolkit/save-step.ts';
import type { Step } from '#lib/toolkit-codes.ts';
import type { RequestHandler } from './$types';

/** A stale `baseVersion` answers 409 with both versions; nothing is overwritten. */
export const PUT: RequestHandler = api(async ({ params, request }, actor) => {
	if (!['1', '2', '3', '4'].includes(params.step)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const r = await saveStep(getApp().database.db, actor, params.id, Number(params.step) as Step, await readJson(request));
	if (r.status === 'conflict')
		return json({ error: { code: 'CONFLICT', message: m.toolkit_conflict_title() }, theirs: r.theirs, yours: r.yours }, { status: 409 });
	return json(r);
});
