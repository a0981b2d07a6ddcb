import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { isUuid } from '../directory/find-organisation.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { statusProblem, type StatusProblem } from '../../insight/progress.ts';
import { reviewInput } from '../../validation/insight.ts';
import { findIndicator } from './find-indicator.ts';
import { canReviewActual } from './policies.ts';
import { outcomeActuals, outcomeReviews } from './schema.ts';

const problemMessage: Record<StatusProblem, () => string> = {
	target_not_reached: m.insight_e_target_not_reached,
	target_reached: m.insight_e_target_reached,
	target_date_not_passed: m.insight_e_target_date_not_passed,
	target_date_passed: m.insight_e_target_date_passed,
	note_required: m.insight_e_note_required
};

/** Staff read a reported value and set its status with a note; earlier readings stay in the history. */
export async function reviewActual(db: Db, actor: Actor, actualId: string, raw: unknown, today = new Date().toISOString().slice(0, 10)) {
	const input = parseInput(reviewInput, raw);
	if (!isUuid(actualId)) throw new DomainError('NOT_FOUND', m.e_not_found());
	return db.transaction(async (tx) => {
		const [actual] = await tx.select().from(outcomeActuals).where(eq(outcomeActuals.id, actualId)).limit(1);
		if (!actual) throw new DomainError('NOT_FOUND', m.e_not_found());
		const { indicator, subject } = await findIndicator(tx, actor, actual.indicatorId);
		ensure(canReviewActual(actor));
		const problem = statusProblem(
			input.status,
			{ ...indicator, value: actual.value, startDate: indicator.createdAt.toISOString().slice(0, 10), observedOn: actual.observedOn },
			input.note,
			today
		);
		if (problem) {
			const field = problem === 'note_required' ? 'note' : 'status';
			throw new DomainError('INVALID_INPUT', problemMessage[problem](), { [field]: [problemMessage[problem]()] });
		}
		const [row] = await tx
			.insert(outcomeReviews)
			.values({ ...input, actualId: actual.id, reviewedBy: actor.kind === 'user' ? actor.userId : null })
			.returning();
		await recordActivity(tx, actor, {
			subjectType: 'outcome_indicator',
			subjectId: indicator.id,
			organisationId: subject.organisationId,
			action: 'outcome_reviewed',
			changes: { status: { from: null, to: row.status } }
		});
		return row;
	});
}
