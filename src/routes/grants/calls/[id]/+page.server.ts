import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireRole } from '#lib/server/http/edge.ts';
import { listActivity } from '#lib/server/activity/list-activity.ts';
import { callBudget } from '#lib/server/grants/call-budget.ts';
import { callTransitionsFrom } from '#lib/server/grants/call-lifecycle.ts';
import { loadCallDefinition } from '#lib/server/grants/call-record.ts';
import { changeCallStatus } from '#lib/server/grants/change-call-status.ts';
import { compareCallVersions } from '#lib/server/grants/compare-call-versions.ts';
import { copyCall } from '#lib/server/grants/copy-call.ts';
import { schedulePlan } from '#lib/server/grants/call-schedule.ts';
import { listCallVersions } from '#lib/server/grants/list-call-versions.ts';
import { missingTranslations } from '#lib/server/grants/missing-translations.ts';
import { setDecisionTarget } from '#lib/server/grants/set-decision-target.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireRole(locals, url, 'admin', 'programme_officer');
	const db = getApp().database.db;
	const { call, definition } = await loadOrError(() => loadCallDefinition(db, params.id));
	return {
		call: {
			id: call.id,
			slug: call.slug,
			title: call.title,
			status: call.status,
			version: call.version,
			publishedVersion: call.publishedVersion,
			timeZone: call.timeZone,
			currency: call.currency,
			languages: call.languages,
			decisionTargetDays: call.decisionTargetDays,
			stages: call.stages.map((s) => s.name)
		},
		transitions: callTransitionsFrom(call.status).map((t) => t.name),
		missing: call.status === 'draft' ? missingTranslations(definition) : [],
		budget: await callBudget(db, call),
		// The planned steps in the call's own time zone, as the officer typed them.
		schedule: schedulePlan(call).map((s) => ({
			transition: s.transition,
			at: new Intl.DateTimeFormat(locals.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: call.timeZone, timeZoneName: 'short' }).format(s.runAt)
		})),
		versions: (await listCallVersions(db, actor, call.id)).map((v) => ({ number: v.number, createdAt: v.createdAt, by: v.by, applications: v.applications })),
		// Two published versions side by side, when the officer asks (`?from=1&to=2`).
		diff: url.searchParams.has('from') ? await loadOrError(() => compareCallVersions(db, actor, call.id, { from: url.searchParams.get('from'), to: url.searchParams.get('to') })) : null,
		activity: await listActivity(db, actor, { subjectType: 'call', subjectId: call.id }, 30),
		notice: url.searchParams.get('created') ? 'created' : url.searchParams.get('saved') ? 'saved' : null
	};
};

export const actions: Actions = {
	target: async ({ locals, url, params, request }) => {
		const actor = requireRole(locals, url, 'admin', 'programme_officer');
		const input = { days: String((await request.formData()).get('days') ?? '') };
		return act(async () => {
			await setDecisionTarget(getApp().database.db, actor, params.id, input);
			return { saved: true };
		}, input);
	},
	status: async ({ locals, url, params, request }) => {
		const actor = requireRole(locals, url, 'admin', 'programme_officer');
		const fd = await request.formData();
		const input = { transition: String(fd.get('transition') ?? ''), version: String(fd.get('version') ?? '') };
		return act(async () => {
			const r = await changeCallStatus(getApp().database.db, actor, params.id, input);
			return { changed: r.call.status, told: r.told };
		}, input);
	},
	copy: async ({ locals, url, params }) => {
		const actor = requireRole(locals, url, 'admin', 'programme_officer');
		const result = await act(() => copyCall(getApp().database.db, actor, params.id));
		if ('id' in result) redirect(303, `/grants/calls/${result.id}/edit`);
		return result;
	}
};
