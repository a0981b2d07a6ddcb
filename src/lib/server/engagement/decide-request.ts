import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { sendMail } from '../mail/mailer.ts';
import { parseInput } from '../validate.ts';
import { decisionInput } from '../../validation/engagement.ts';
import { announce } from '../notifications/announce.ts';
import { findVisibleRequest } from './find-request.ts';
import { requestDecidedMail } from './mail.ts';
import { canDecide } from './policies.ts';
import { engagementRequests } from './schema.ts';
import { nextStatus } from './workflow.ts';

/**
 * Records the decision with its rationale. "More information needed" sends the request back to
 * the requester; any other outcome closes it. The requester is told by a minimal e-mail in
 * their own language and sees the outcome in the hub.
 */
export async function decideRequest(db: Db, actor: Actor, requestId: string, raw: unknown, opts: { origin: string }) {
	ensure(canDecide(actor));
	const input = parseInput(decisionInput, raw);
	return db.transaction(async (tx) => {
		const { request } = await findVisibleRequest(tx, actor, requestId, { lock: true });
		const event = input.decision === 'more_info' ? 'request_information' : 'decide';
		const to = nextStatus(request.status, event, 'officer');
		if (!to) throw new DomainError('INVALID_TRANSITION', m.eng_e_transition());
		const [after] = await tx
			.update(engagementRequests)
			.set({
				status: to,
				decision: input.decision,
				rationale: input.rationale,
				decidedBy: actor.kind === 'user' ? actor.userId : null,
				decidedAt: new Date()
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
		if (request.requestedBy) {
			const [requester] = await tx.select().from(users).where(eq(users.id, request.requestedBy)).limit(1);
			if (requester) {
				const mail = requestDecidedMail(requester.locale, requester.name, `${opts.origin}/requests/${request.id}`);
				await sendMail(tx, { kind: 'engagement_decided', to: requester.email, locale: requester.locale, ...mail });
			}
		}
		await announce(tx, { type: 'request_decided', requestId: request.id, requesterId: request.requestedBy }, actor.kind === 'user' ? actor.userId : null);
		return after;
	});
}
