import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { countPipeline } from '#lib/server/grants/count-pipeline.ts';
import { bulkActOnApplications } from '#lib/server/grants/bulk-act-on-applications.ts';
import { listApplications } from '#lib/server/grants/list-applications.ts';
import { listOpenCalls } from '#lib/server/grants/list-open-calls.ts';
import { listReviewers } from '#lib/server/grants/list-reviewers.ts';
import { canListAllApplications } from '#lib/server/grants/policies.ts';
import type { Actions, PageServerLoad } from './$types';

// A read page: links and a GET form need no script; the bulk form is a plain POST.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const staff = canListAllApplications(actor).allowed;
	const query = Object.fromEntries(url.searchParams);
	const [result, pipeline, calls, reviewers] = await Promise.all([loadOrError(() => listApplications(db, actor, query)), loadOrError(() => countPipeline(db, actor, query)), listOpenCalls(db), staff ? listReviewers(db) : []]);
	return {
		staff,
		pipeline,
		calls: calls.map((c) => ({ id: c.call.id, title: c.call.title, slug: c.call.slug })),
		reviewers,
		...result
	};
};

export const actions: Actions = {
	bulk: async ({ locals, url, request }) => {
		const actor = requireUser(locals, url);
		const form = await request.formData();
		const raw: Record<string, unknown> = { ...Object.fromEntries(form), id: form.getAll('id') };
		return act(async () => ({ done: await bulkActOnApplications(getApp().database.db, actor, raw) }), { action: raw.action, reviewerId: raw.reviewerId, message: raw.message, scope: raw.scope, id: raw.id });
	}
};
