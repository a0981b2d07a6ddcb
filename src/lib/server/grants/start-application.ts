import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db, DbOrTx } from '../db/types.ts';
import { findVisibleOrganisation } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { startApplicationInput } from '../../validation/grants.ts';
import type { Answers } from './definition.ts';
import { findCall, isCallOpen } from './find-application.ts';
import { canStartApplication } from './policies.ts';
import { grantApplications } from './schema.ts';
import { evaluateScreener } from './screener.ts';

export type NewDraft = {
	callId: string;
	organisationId: string;
	screener: Record<string, string> | null;
	answers: Answers;
	title: string;
	source?: { kind: string; id: string } | null;
};

/** Checks the call and organisation, then writes a draft and its activity inside `tx`. */
export async function insertDraft(tx: DbOrTx, actor: Actor, d: NewDraft) {
	ensure(canStartApplication(actor, d.organisationId));
	const call = await findCall(tx, d.callId);
	if (!isCallOpen(call)) throw new DomainError('INVALID_TRANSITION', m.grant_e_call_closed());
	const org = await findVisibleOrganisation(tx, actor, d.organisationId);
	if (call.whoMayApply.length && !call.whoMayApply.includes(org.kind))
		throw new DomainError('FORBIDDEN', m.grant_e_not_eligible_kind());
	const [app] = await tx
		.insert(grantApplications)
		.values({
			callId: call.id,
			callVersion: call.publishedVersion,
			organisationId: org.id,
			screenerAnswers: d.screener,
			answers: d.answers,
			title: d.title,
			source: d.source ?? null,
			createdBy: actor.kind === 'user' ? actor.userId : null
		})
		.returning();
	await recordActivity(tx, actor, {
		subjectType: 'application',
		subjectId: app.id,
		organisationId: org.id,
		action: 'created',
		changes: { status: { from: null, to: 'draft' } }
	});
	return { app, call, org };
}

/**
 * Starts a draft after the eligibility screener. An applicant who does not qualify is told which
 * conditions failed and nothing is created.
 */
export async function startApplication(db: Db, actor: Actor, raw: unknown) {
	const input = parseInput(startApplicationInput, raw);
	const call = await findCall(db, input.callId);
	const locale = actor.kind === 'user' ? actor.locale : 'en';
	const result = evaluateScreener(call.screener, input.screener, locale);
	if (!result.eligible)
		throw new DomainError(
			'INVALID_INPUT',
			m.grant_e_not_eligible(),
			Object.fromEntries(result.failed.map((f) => [`screener.${f.id}`, [f.reason]]))
		);
	return db.transaction(async (tx) => {
		const { app } = await insertDraft(tx, actor, { ...input, answers: {}, title: '' });
		return app;
	});
}
