import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { announce } from '../notifications/announce.ts';
import { findVisibleRequest } from './find-request.ts';
import { canEditRequest } from './policies.ts';
import { engagementRequests } from './schema.ts';
import { nextStatus } from './workflow.ts';

/** Sends a draft (or a request sent back for more information) to the support organisation. */
export async function submitRequest(db: Db, actor: Actor, id: string) {
	return db.transaction(async (tx) => {
		const { request } = await findVisibleRequest(tx, actor, id, { lock: true });
		ensure(canEditRequest(actor, request));
		const to = nextStatus(request.status, 'submit', 'requester');
		if (!to) throw new DomainError('INVALID_TRANSITION', m.eng_e_transition());
		const [after] = await tx
			.update(engagementRequests)
			.set({ status: to, submittedAt: new Date(), decision: null, rationale: null, decidedAt: null, decidedBy: null })
			.where(eq(engagementRequests.id, request.id))
			.returning();
		await recordActivity(tx, actor, {
			subjectType: 'request',
			subjectId: request.id,
			organisationId: request.organisationId,
			action: 'status_changed',
			changes: { status: { from: request.status, to } }
		});
		await announce(tx, { type: 'request_submitted', requestId: request.id }, actor.kind === 'user' ? actor.userId : null);
		return after;
	});
}
