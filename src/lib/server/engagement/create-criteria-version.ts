import { desc } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { criteriaSetInput } from '../../validation/engagement.ts';
import { currentCriteriaSet } from './criteria-set.ts';
import { canManageCriteria } from './policies.ts';
import { criteriaSets } from './schema.ts';

/**
 * An admin's edit of the criteria, weights, descriptors, gate or bands. It never changes the
 * current version: it writes the next one, so assessments already made keep theirs.
 */
export async function createCriteriaVersion(db: Db, actor: Actor, raw: unknown) {
	ensure(canManageCriteria(actor));
	const input = parseInput(criteriaSetInput, raw);
	return db.transaction(async (tx) => {
		await currentCriteriaSet(tx, actor);
		const [latest] = await tx.select({ version: criteriaSets.version }).from(criteriaSets).orderBy(desc(criteriaSets.version)).limit(1).for('update');
		const version = (latest?.version ?? 0) + 1;
		const [set] = await tx
			.insert(criteriaSets)
			.values({ ...input, version, createdBy: actor.kind === 'user' ? actor.userId : null })
			.returning();
		await recordActivity(tx, actor, {
			subjectType: 'criteria_set',
			subjectId: set.id,
			action: 'created',
			changes: { version: { from: latest?.version ?? null, to: version } }
		});
		return set;
	});
}
