import { eq } from 'drizzle-orm';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { decisionTargetInput } from '../../validation/grants.ts';
import { findCall } from './find-application.ts';
import { canRunCalls } from './policies.ts';
import { grantCalls } from './schema.ts';

/** Changes a call's decision-time target; applications already submitted keep their deadline. */
export async function setDecisionTarget(db: Db, actor: Actor, callId: string, raw: unknown) {
	ensure(canRunCalls(actor));
	const input = parseInput(decisionTargetInput, raw);
	return db.transaction(async (tx) => {
		const before = await findCall(tx, callId);
		const values = { decisionTargetDays: input.days || null };
		const changes = diff(before, values);
		if (!Object.keys(changes).length) return before;
		const [after] = await tx.update(grantCalls).set(values).where(eq(grantCalls.id, before.id)).returning();
		await recordActivity(tx, actor, { subjectType: 'call', subjectId: before.id, action: 'updated', changes });
		return after;
	});
}
