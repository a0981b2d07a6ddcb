import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { findVisibleRequest } from './find-request.ts';
import { loadSafetyPlan } from './load-safety-plan.ts';
import { canApproveSafetyPlan, canHandleSafetyPlans } from './policies.ts';
import { engagementSafetyPlans } from './schema.ts';

/** A second officer, who neither wrote nor last changed the plan, approves it. */
export async function approveSafetyPlan(db: Db, actor: Actor, requestId: string) {
	ensure(canHandleSafetyPlans(actor));
	return db.transaction(async (tx) => {
		const { request } = await findVisibleRequest(tx, actor, requestId, { lock: true });
		if (request.status === 'decided') throw new DomainError('INVALID_TRANSITION', m.eng_e_transition());
		const plan = await loadSafetyPlan(tx, request.id, { lock: true });
		if (!plan) throw new DomainError('CONFLICT', m.eng_e_plan_missing());
		if (plan.approvedAt) throw new DomainError('CONFLICT', m.eng_e_plan_already_approved());
		if (!canApproveSafetyPlan(actor, plan).allowed) throw new DomainError('FORBIDDEN', m.eng_e_own_plan());
		const [after] = await tx
			.update(engagementSafetyPlans)
			.set({ approvedBy: isUser(actor) ? actor.userId : null, approvedAt: new Date() })
			.where(eq(engagementSafetyPlans.id, plan.id))
			.returning();
		await recordActivity(tx, actor, {
			subjectType: 'request',
			subjectId: request.id,
			organisationId: request.organisationId,
			action: 'safety_plan_approved',
			changes: { approved: { from: false, to: true } }
		});
		return after;
	});
}
