import { and, eq, isNotNull } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { queueMail } from '../mail/mailer.ts';
import { parseInput } from '../validate.ts';
import { decisionInput } from '../../validation/engagement.ts';
import { announce } from '../notifications/announce.ts';
import { findVisibleRequest } from './find-request.ts';
import { requestDecidedMail } from './mail.ts';
import { loadSafetyPlan } from './load-safety-plan.ts';
import { canDecide, canOverrideGate } from './policies.ts';
import { gateRequirement, type GateMissing } from './safety-gate.ts';
import { engagementAssessments, engagementRequests } from './schema.ts';
import { nextStatus } from './workflow.ts';

/**
 * Records the decision with its rationale. "More information needed" sends the request back to
 * the requester; any other outcome closes it. The requester is told by a minimal e-mail in
 * their own language and sees the outcome in the hub.
 *
 * When the physical-security gate is triggered, "invest" waits for a safety plan approved by a
 * second officer who is not the one deciding; an admin may instead record an override with a
 * written reason, which stays on the request and in the activity log.
 *
 * A decision rests on the assessors' work: until at least one assessment is submitted, only a
 * question back to the requester ("more information needed") may be recorded, whatever the client.
 */
export async function decideRequest(db: Db, actor: Actor, requestId: string, raw: unknown, opts: { origin: string }) {
	ensure(canDecide(actor));
	const input = parseInput(decisionInput, raw);
	return db.transaction(async (tx) => {
		const { request } = await findVisibleRequest(tx, actor, requestId, { lock: true });
		const event = input.decision === 'more_info' ? 'request_information' : 'decide';
		const to = nextStatus(request.status, event, 'officer');
		if (!to) throw new DomainError('INVALID_TRANSITION', m.eng_e_transition());
		if (event === 'decide') {
			const [assessed] = await tx
				.select({ id: engagementAssessments.id })
				.from(engagementAssessments)
				.where(and(eq(engagementAssessments.requestId, request.id), isNotNull(engagementAssessments.submittedAt)))
				.limit(1);
			if (!assessed) throw new DomainError('CONFLICT', m.eng_e_not_assessed());
		}
		if (input.overrideGate) {
			if (!canOverrideGate(actor).allowed) throw new DomainError('FORBIDDEN', m.eng_e_override_admin());
			if (!input.overrideReason) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { overrideReason: [m.eng_e_override_reason()] });
		}
		const plan = await loadSafetyPlan(tx, request.id, { lock: true });
		const gate = gateRequirement(request, plan, isUser(actor) ? actor.userId : null);
		const overriding = input.decision === 'invest' && gate.missing.length > 0;
		if (overriding && !input.overrideGate) throw new DomainError('CONFLICT', gateRefusal(gate.missing));
		const [after] = await tx
			.update(engagementRequests)
			.set({
				status: to,
				decision: input.decision,
				rationale: input.rationale,
				decidedBy: actor.kind === 'user' ? actor.userId : null,
				decidedAt: new Date(),
				...(overriding
					? { gateOverrideReason: input.overrideReason, gateOverriddenBy: isUser(actor) ? actor.userId : null, gateOverriddenAt: new Date() }
					: {})
			})
			.where(eq(engagementRequests.id, request.id))
			.returning();
		await recordActivity(tx, actor, {
			subjectType: 'request',
			subjectId: request.id,
			organisationId: request.organisationId,
			action: 'decided',
			changes: { status: { from: request.status, to }, decision: { from: request.decision, to: input.decision } }
		});
		if (overriding) {
			await recordActivity(tx, actor, {
				subjectType: 'request',
				subjectId: request.id,
				organisationId: request.organisationId,
				action: 'gate_overridden',
				changes: { missing: { from: null, to: gate.missing }, reason: { from: null, to: input.overrideReason } }
			});
		}
		if (request.requestedBy) {
			const [requester] = await tx.select().from(users).where(eq(users.id, request.requestedBy)).limit(1);
			if (requester) {
				const mail = requestDecidedMail(requester.locale, requester.name, `${opts.origin}/requests/${request.id}`);
				await queueMail(tx, { kind: 'engagement_decided', to: requester.email, locale: requester.locale, ...mail });
			}
		}
		await announce(tx, { type: 'request_decided', requestId: request.id, requesterId: request.requestedBy }, actor.kind === 'user' ? actor.userId : null);
		return after;
	});
}

/** The refusal names the first thing missing, in the reader's language. */
function gateRefusal(missing: GateMissing[]): string {
	if (missing.includes('plan')) return m.eng_e_gate_plan();
	if (missing.includes('approval')) return m.eng_e_gate_approval();
	return m.eng_e_gate_other_decider();
}
