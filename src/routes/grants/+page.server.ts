import { tr } from '#lib/grants-labels.ts';
import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { bulkActOnApplications } from '#lib/server/grants/bulk-act-on-applications.ts';
import { listApplications } from '#lib/server/grants/list-applications.ts';
import { applicationListContext } from '#lib/server/grants/list-context.ts';
import { canListAllApplications } from '#lib/server/grants/policies.ts';
import type { Actions, PageServerLoad } from './$types';

// A read page: links and a GET form need no script; the bulk form is a plain POST.
export const csr = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireUser(locals, url);
	const db = getApp().database.db;
	const staff = canListAllApplications(actor).allowed;
	const query = Object.fromEntries(url.searchParams);
	const [result, { pipeline, calls, reviewers }] = await Promise.all([loadOrError(() => listApplications(db, actor, query)), loadOrError(() => applicationListContext(db, actor, query))]);
	// SvelteKit serializes what a load returns on every request, so rows carry only what the
	// table shows, the call's title already in the reader's language.
	return {
		staff,
		pipeline,
		calls: calls.map((c) => ({ id: c.id, title: tr(c.title, locals.locale) })),
		reviewers,
		query: result.query,
		total: result.total,
		totalExact: result.totalExact,
		rows: result.rows.map((r) => ({
			id: r.id,
			title: r.title,
			callTitle: tr(r.callTitle, locals.locale),
			organisationName: r.organisationName,
			status: r.status,
			requestedAmount: r.requestedAmount,
			currency: r.currency,
			submittedAt: r.submittedAt,
			clock: r.clock && { daysLeft: r.clock.daysLeft, overdue: r.clock.overdue, alert: r.clock.alert }
		}))
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
