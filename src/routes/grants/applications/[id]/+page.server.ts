import { redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { act, loadOrError, requireUser } from '#lib/server/http/edge.ts';
import { assignReviewer } from '#lib/server/grants/assign-reviewer.ts';
import { awardGrant } from '#lib/server/grants/award-grant.ts';
import { declareInterest } from '#lib/server/grants/declare-interest.ts';
import { fields, reportFromForm, reviewFromForm } from '#lib/server/grants/form-data.ts';
import { getApplication } from '#lib/server/grants/get-application.ts';
import { planTranche } from '#lib/server/grants/plan-tranche.ts';
import { recordPayment } from '#lib/server/grants/record-payment.ts';
import { submitReport } from '#lib/server/grants/submit-report.ts';
import { submitReview } from '#lib/server/grants/submit-review.ts';
import { transitionApplication } from '#lib/server/grants/transition-application.ts';
import type { Actions, PageServerLoad } from './$types';

const db = () => getApp().database.db;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireUser(locals, url);
	return { view: await loadOrError(() => getApplication(db(), actor, params.id)) };
};

export const actions: Actions = {
	transition: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const fd = await request.formData();
		const input = fields(fd, 'transition', 'version', 'message');
		return act(async () => {
			await transitionApplication(db(), actor, params.id, input);
			return { done: 'transition', transition: String(input.transition) };
		}, input);
	},
	award: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const input = fields(await request.formData(), 'version', 'amount', 'conditions', 'message', 'overrideReason');
		return act(async () => {
			await awardGrant(db(), actor, params.id, input);
			return { done: 'award' };
		}, input);
	},
	assign: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const input = fields(await request.formData(), 'reviewerId');
		return act(async () => {
			await assignReviewer(db(), actor, params.id, input);
			return { done: 'assign' };
		}, input);
	},
	declare: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const input = fields(await request.formData(), 'conflict', 'note');
		const result = await act(async () => {
			await declareInterest(db(), actor, params.id, input);
			return { done: 'declare' };
		}, input);
		// A declared conflict hands the application back: it is no longer the reviewer's to see.
		if ('done' in result && input.conflict === 'yes') redirect(303, '/grants');
		return result;
	},
	review: async ({ request, locals, url, params }) => {
		const actor = requireUser(locals, url);
		const input = reviewFromForm(await request.formData());
		return act(async () => {
			await submitReview(db(), actor, params.id, input);
			return { done: 'review' };
		}, input);
	},
	tranche: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const fd = await request.formData();
		const input = fields(fd, 'awardId', 'plannedDate', 'plannedAmount');
		return act(async () => {
			await planTranche(db(), actor, input.awardId, input);
			return { done: 'tranche' };
		}, input);
	},
	pay: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const input = fields(await request.formData(), 'trancheId', 'paidDate', 'paidAmount');
		return act(async () => {
			await recordPayment(db(), actor, input.trancheId, input);
			return { done: 'pay' };
		}, input);
	},
	report: async ({ request, locals, url }) => {
		const actor = requireUser(locals, url);
		const fd = await request.formData();
		const reportId = String(fd.get('reportId') ?? '');
		const input = reportFromForm(fd);
		return act(async () => {
			await submitReport(db(), actor, reportId, input);
			return { done: 'report' };
		}, { ...input, reportId });
	}
};
