import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { safetyPlanInput } from '../../validation/engagement.ts';
import { findVisibleRequest } from './find-request.ts';
import { loadSafetyPlan } from './load-safety-plan.ts';
import { canHandleSafetyPlans } from './policies.ts';
import { engagementSafetyPlans } from './schema.ts';

/**
 * Writes or changes a request's safety plan. A change withdraws any approval: the second staff
 * member must approve what is actually on file. The plan's text stays out of the activity log
 * (it says how a partner at risk is reached); the log records that it changed and which parts.
 */
export async function saveSafetyPlan(db: Db, actor: Actor, requestId: string, raw: unknown) {
	ensure(canHandleSafetyPlans(actor));
	const input = parseInput(safetyPlanInput, raw);
	const userId = isUser(actor) ? actor.userId : null;
	return db.transaction(async (tx) => {
		const { request } = await findVisibleRequest(tx, actor, requestId, { lock: true });
		if (request.status === 'decided') throw new DomainError('INVALID_TRANSITION', m.eng_e_transition());
		const before = await loadSafetyPlan(tx, request.id, { lock: true });
		const values = { ...input, updatedBy: userId, approvedBy: null, approvedAt: null };
		const [plan] = before
			? await tx.update(engagementSafetyPlans).set(values).where(eq(engagementSafetyPlans.id, before.id)).returning()
			: await tx.insert(engagementSafetyPlans).values({ ...values, requestId: request.id, authorId: userId }).returning();
		const changed = before ? Object.keys(diff(before, input)) : Object.keys(input);
		await recordActivity(tx, actor, {
			subjectType: 'request',
			subjectId: request.id,
			organisationId: request.organisationId,
			action: before ? 'safety_plan_changed' : 'safety_plan_written',
			changes: {
				parts: { from: null, to: changed },
				...(before?.approvedAt ? { approved: { from: true, to: false } } : {})
			}
		});
		return plan;
	});
}
