import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { deny } from '../identity/policies.ts';
import { parseInput } from '../validate.ts';
import { reviewInput } from '../../validation/grants.ts';
import { myAssignment } from './declare-interest.ts';
import { findApplication } from './find-application.ts';
import { scoreReview } from './rubric.ts';
import { grantAssignments, grantReviews } from './schema.ts';

/**
 * Records a reviewer's rubric scores for the revision they read. Only an assigned reviewer who
 * declared no conflict may review, once per stage, and only the revision that is current.
 */
export async function submitReview(db: Db, actor: Actor, applicationId: string, raw: unknown) {
	const input = parseInput(reviewInput, raw);
	return db.transaction(async (tx) => {
		const { application: app, call } = await findApplication(tx, actor, applicationId);
		const mine = await myAssignment(tx, actor, app.id, app.stageIndex);
		if (!mine) ensure(deny('only assigned reviewers review'));
		if (mine!.status === 'pending') throw new DomainError('FORBIDDEN', m.grant_e_declare_first());
		if (mine!.status !== 'clear') throw new DomainError('CONFLICT', m.grant_e_already_reviewed());
		if (app.status !== 'in_review') throw new DomainError('INVALID_TRANSITION', m.grant_e_transition_not_allowed());
		if (input.revision !== app.revision) throw new DomainError('CONFLICT', m.grant_e_revision_changed());
		const rubric = call.stages[app.stageIndex].rubric;
		if (!rubric) throw new DomainError('INVALID_TRANSITION', m.grant_e_transition_not_allowed());
		const score = scoreReview(rubric, input.scores);
		if (score.invalid.length)
			throw new DomainError(
				'INVALID_INPUT',
				m.e_invalid_input(),
				Object.fromEntries(score.invalid.map((id) => [`scores.${id}.points`, [m.grant_v_points({ max: String(rubric.criteria.find((c) => c.id === id)!.maxPoints) })]]))
			);
		const scores = Object.fromEntries(rubric.criteria.map((c) => [c.id, input.scores[c.id]]));
		const [review] = await tx
			.insert(grantReviews)
			.values({ assignmentId: mine!.id, applicationId: app.id, revision: app.revision, scores, total: score.total, percent: score.percent, comment: input.comment })
			.returning();
		await tx.update(grantAssignments).set({ status: 'reviewed' }).where(and(eq(grantAssignments.id, mine!.id), eq(grantAssignments.status, 'clear')));
		await recordActivity(tx, actor, {
			subjectType: 'application',
			subjectId: app.id,
			organisationId: app.organisationId,
			action: 'review_submitted',
			changes: { score: { from: null, to: `${score.total}/${score.max}` } }
		});
		return review;
	});
}
