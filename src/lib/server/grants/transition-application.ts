import { and, eq, sql } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db, Tx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { transitionInput } from '../../validation/grants.ts';
import { answersFor, checkAnswers } from './answers.ts';
import { announce } from '../notifications/announce.ts';
import { grantTransitionHappening } from '../notifications/routing.ts';
import { findApplication, todayIn, type ApplicationRow } from './find-application.ts';
import { grantLink, mailApplicants } from './mail.ts';
import { canActForApplicant, canRunCalls } from './policies.ts';
import { meetsAdvanceRule } from './rubric.ts';
import { grantApplications, grantAssignments, grantAwards, grantReviews, grantRevisions } from './schema.ts';
import { evaluateScreener } from './screener.ts';
import { addWorkingDays } from './working-days.ts';
import { applyTransition, transitionNamed, type Transition } from './workflow.ts';

const refuse = (code: 'INVALID_INPUT' | 'INVALID_TRANSITION', fields?: Record<string, string[]>) =>
	new DomainError(code, code === 'INVALID_INPUT' ? m.e_invalid_input() : m.grant_e_transition_not_allowed(), fields);

/**
 * Applies one transition of the workflow inside `tx`. The row is changed only if its version and
 * status are still what the person saw: of two staff deciding at once exactly one wins, the
 * other gets CONFLICT and nothing of theirs is saved.
 */
export async function applyTransitionTx(
	tx: Tx,
	actor: Actor,
	row: ApplicationRow,
	t: Transition,
	input: { version: number; message: string },
	now: Date
) {
	const { application: app, call, org } = row;
	ensure(t.by === 'applicant' ? canActForApplicant(actor, app.organisationId) : canRunCalls(actor));
	if (input.version !== app.version) throw new DomainError('CONFLICT', m.grant_e_changed_meanwhile());
	const move = applyTransition(t, app, call.stages);
	if (!move) throw refuse('INVALID_TRANSITION');
	const set: Partial<typeof grantApplications.$inferInsert> = { status: move.status, stageIndex: move.stageIndex };
	let newRevision = false;
	const locale = actor.kind === 'user' ? actor.locale : 'en';

	// A closed call takes no new submissions; drafts stay for their owners to read.
	if (t.name === 'submit' && (call.status === 'closed' || call.status === 'archived')) throw new DomainError('INVALID_TRANSITION', m.grant_e_call_closed());
	if (t.name === 'submit' || t.name === 'answer_information') {
		const screening = evaluateScreener(call.screener, app.screenerAnswers ?? {}, locale);
		if (!screening.eligible)
			throw refuse('INVALID_INPUT', Object.fromEntries(screening.failed.map((f) => [`screener.${f.id}`, [f.reason]])));
		const form = call.stages[app.stageIndex]?.form;
		if (form) {
			const check = checkAnswers(form, answersFor(form, app.answers), { today: todayIn(call.timeZone, now), complete: true, maxAward: call.maxAward });
			if (Object.keys(check.errors).length) throw refuse('INVALID_INPUT', check.errors);
		}
		newRevision = true;
		set.revision = app.revision + 1;
		if (t.name === 'submit' && !app.submittedAt) {
			set.submittedAt = now;
			if (call.decisionTargetDays) set.decisionDueAt = addWorkingDays(now, call.decisionTargetDays, call.timeZone);
		}
		if (t.name === 'answer_information') set.infoRequest = null;
	}
	if (t.name === 'request_information') {
		if (!input.message) throw refuse('INVALID_INPUT', { message: [m.v_required()] });
		set.infoRequest = input.message;
		set.resumeStatus = app.status;
	}
	if (t.name === 'advance_stage') {
		const reviews = await tx
			.select({ percent: grantReviews.percent })
			.from(grantReviews)
			.innerJoin(grantAssignments, eq(grantAssignments.id, grantReviews.assignmentId))
			.where(and(eq(grantReviews.applicationId, app.id), eq(grantAssignments.stageIndex, app.stageIndex)));
		if (!meetsAdvanceRule(call.stages[app.stageIndex], reviews.map((r) => r.percent)))
			throw new DomainError('INVALID_TRANSITION', m.grant_e_advance_rule());
	}
	if (t.name === 'decline' || t.name === 'award') {
		set.decisionMessage = input.message || null;
		set.decidedAt = now;
	}
	const [after] = await tx
		.update(grantApplications)
		.set({ ...set, version: sql`${grantApplications.version} + 1` })
		.where(and(eq(grantApplications.id, app.id), eq(grantApplications.version, app.version), eq(grantApplications.status, app.status)))
		.returning();
	if (!after) throw new DomainError('CONFLICT', m.grant_e_changed_meanwhile());
	if (newRevision)
		await tx.insert(grantRevisions).values({
			applicationId: app.id,
			revision: after.revision,
			stageIndex: after.stageIndex,
			answers: after.answers,
			createdBy: actor.kind === 'user' ? actor.userId : null
		});
	if (t.name === 'close') await tx.update(grantAwards).set({ closedAt: now }).where(eq(grantAwards.applicationId, app.id));
	const changes: Record<string, { from: unknown; to: unknown }> = { status: { from: app.status, to: after.status } };
	if (after.stageIndex !== app.stageIndex) changes.stage = { from: app.stageIndex + 1, to: after.stageIndex + 1 };
	if (newRevision) changes.revision = { from: app.revision, to: after.revision };
	await recordActivity(tx, actor, { subjectType: 'application', subjectId: app.id, organisationId: app.organisationId, action: t.activity, changes });
	if (t.notify)
		await mailApplicants(tx, app.organisationId, t.notify, { callTitle: call.title, org, url: grantLink(`/grants/applications/${app.id}`) });
	await announce(tx, grantTransitionHappening(t.name, app), actor.kind === 'user' ? actor.userId : null);
	return after;
}

/** Moves an application along its workflow; awarding goes through awardGrant (it needs an amount). */
export async function transitionApplication(db: Db, actor: Actor, applicationId: string, raw: unknown, now = new Date()) {
	const input = parseInput(transitionInput, raw);
	const t = transitionNamed(input.transition);
	if (!t || t.name === 'award') throw refuse('INVALID_INPUT', { transition: [m.v_invalid_choice()] });
	return db.transaction(async (tx) => {
		const row = await findApplication(tx, actor, applicationId);
		return applyTransitionTx(tx, actor, row, t, input, now);
	});
}
