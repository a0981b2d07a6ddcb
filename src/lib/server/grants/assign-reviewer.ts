import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { parseInput } from '../validate.ts';
import { assignReviewerInput } from '../../validation/grants.ts';
import { announce } from '../notifications/announce.ts';
import { findApplication } from './find-application.ts';
import { canBeAssigned, canRunCalls } from './policies.ts';
import { grantAssignments } from './schema.ts';

/** Assigns a reviewer to the application's current stage; they declare conflicts before reading it. */
export async function assignReviewer(db: Db, actor: Actor, applicationId: string, raw: unknown) {
	ensure(canRunCalls(actor));
	const input = parseInput(assignReviewerInput, raw);
	return db.transaction(async (tx) => {
		const { application: app, call } = await findApplication(tx, actor, applicationId);
		if (!['screening', 'in_review'].includes(app.status)) throw new DomainError('INVALID_TRANSITION', m.grant_e_transition_not_allowed());
		const [reviewer] = await tx.select().from(users).where(eq(users.id, input.reviewerId)).limit(1);
		if (!reviewer) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { reviewerId: [m.v_invalid_choice()] });
		const stage = call.stages[app.stageIndex];
		if (!canBeAssigned(reviewer.role, stage.reviewers.roles).allowed)
			throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { reviewerId: [m.grant_e_reviewer_role()] });
		const [assignment] = await tx
			.insert(grantAssignments)
			.values({ applicationId: app.id, stageIndex: app.stageIndex, reviewerId: reviewer.id, assignedBy: actor.kind === 'user' ? actor.userId : null })
			.onConflictDoNothing()
			.returning();
		if (!assignment) throw new DomainError('CONFLICT', m.grant_e_already_assigned());
		await recordActivity(tx, actor, {
			subjectType: 'application',
			subjectId: app.id,
			organisationId: app.organisationId,
			action: 'reviewer_assigned',
			changes: { reviewer: { from: null, to: reviewer.name } }
		});
		await announce(tx, { type: 'reviewer_assigned', applicationId: app.id, reviewerId: reviewer.id }, actor.kind === 'user' ? actor.userId : null);
		return assignment;
	});
}
