import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db, DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { declarationInput } from '../../validation/grants.ts';
import { findApplication } from './find-application.ts';
import { grantAssignments } from './schema.ts';

/** The actor's assignment on the application's current stage, if any. */
export async function myAssignment(db: DbOrTx, actor: Actor, applicationId: string, stageIndex: number) {
	if (actor.kind !== 'user') return undefined;
	const [a] = await db
		.select()
		.from(grantAssignments)
		.where(and(eq(grantAssignments.applicationId, applicationId), eq(grantAssignments.stageIndex, stageIndex), eq(grantAssignments.reviewerId, actor.userId)))
		.limit(1);
	return a;
}

/**
 * A reviewer declares, before reading the application, whether they have a conflict of interest.
 * A conflict hands the application back for reassignment and hides it from them.
 */
export async function declareInterest(db: Db, actor: Actor, applicationId: string, raw: unknown) {
	const input = parseInput(declarationInput, raw);
	return db.transaction(async (tx) => {
		const { application: app } = await findApplication(tx, actor, applicationId);
		const mine = await myAssignment(tx, actor, app.id, app.stageIndex);
		if (!mine) throw new DomainError('NOT_FOUND', m.e_not_found());
		if (mine.status !== 'pending') throw new DomainError('CONFLICT', m.grant_e_already_declared());
		const status = input.conflict ? 'conflict' : 'clear';
		const [after] = await tx
			.update(grantAssignments)
			.set({ status, conflictNote: input.note || null, declaredAt: new Date() })
			.where(and(eq(grantAssignments.id, mine.id), eq(grantAssignments.status, 'pending')))
			.returning();
		if (!after) throw new DomainError('CONFLICT', m.grant_e_already_declared());
		await recordActivity(tx, actor, {
			subjectType: 'application',
			subjectId: app.id,
			organisationId: app.organisationId,
			action: input.conflict ? 'conflict_declared' : 'no_conflict_declared'
		});
		return after;
	});
}
