import { and, eq, inArray } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { parseInput } from '../validate.ts';
import { assignInput } from '../../validation/engagement.ts';
import { currentCriteriaSet } from './criteria-set.ts';
import { announce } from '../notifications/announce.ts';
import { findVisibleRequest } from './find-request.ts';
import { ASSESSOR_ROLES, canAssign } from './policies.ts';
import { engagementAssessments, engagementRequests } from './schema.ts';
import { acceptsAssessors, nextStatus } from './workflow.ts';

/**
 * Assigns assessors. The first assignment starts the assessment and fixes the criteria version
 * the request is judged by; later assessors use the same version. Already-assigned people are kept.
 */
export async function assignAssessors(db: Db, actor: Actor, requestId: string, raw: unknown) {
	ensure(canAssign(actor));
	const input = parseInput(assignInput, raw);
	return db.transaction(async (tx) => {
		const { request } = await findVisibleRequest(tx, actor, requestId, { lock: true });
		if (!acceptsAssessors(request.status)) throw new DomainError('INVALID_TRANSITION', m.eng_e_transition());
		const ids = [...new Set(input.assessorIds)];
		const found = await tx
			.select({ id: users.id })
			.from(users)
			.where(and(inArray(users.id, ids), inArray(users.role, [...ASSESSOR_ROLES])));
		if (found.length !== ids.length)
			throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { assessorIds: [m.eng_v_not_assessor()] });
		const setId = request.criteriaSetId ?? (await currentCriteriaSet(tx, actor)).id;
		const added = await tx
			.insert(engagementAssessments)
			.values(ids.map((assessorId) => ({ requestId: request.id, assessorId, criteriaSetId: setId, assignedBy: actor.kind === 'user' ? actor.userId : null })))
			.onConflictDoNothing()
			.returning();
		const to = request.status === 'submitted' ? nextStatus('submitted', 'start_assessment', 'officer')! : request.status;
		await tx.update(engagementRequests).set({ status: to, criteriaSetId: setId }).where(eq(engagementRequests.id, request.id));
		for (const a of added)
			await recordActivity(tx, actor, {
				subjectType: 'request',
				subjectId: request.id,
				organisationId: request.organisationId,
				action: 'assessor_assigned',
				changes: { assessor: { from: null, to: a.assessorId } }
			});
		if (to !== request.status)
			await recordActivity(tx, actor, {
				subjectType: 'request',
				subjectId: request.id,
				organisationId: request.organisationId,
				action: 'status_changed',
				changes: { status: { from: request.status, to } }
			});
		await announce(tx, { type: 'assessors_assigned', requestId: request.id, assessorIds: added.map((a) => a.assessorId) }, actor.kind === 'user' ? actor.userId : null);
		return { added: added.length, status: to };
	});
}
