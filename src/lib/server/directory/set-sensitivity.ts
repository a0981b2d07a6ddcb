import { eq } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { sensitivityInput } from '../../validation/directory.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import { canSetSensitivity } from './policies.ts';
import { organisations } from './schema.ts';

export async function setSensitivity(db: Db, actor: Actor, id: string, raw: unknown) {
	ensure(canSetSensitivity(actor));
	const { sensitive } = parseInput(sensitivityInput, raw);
	return db.transaction(async (tx) => {
		const before = await findVisibleOrganisation(tx, actor, id);
		if (before.sensitive === sensitive) return before;
		const [after] = await tx.update(organisations).set({ sensitive }).where(eq(organisations.id, id)).returning();
		await recordActivity(tx, actor, {
			subjectType: 'organisation',
			subjectId: id,
			organisationId: id,
			action: 'sensitivity_changed',
			changes: { sensitive: { from: before.sensitive, to: sensitive } }
		});
		return after;
	});
}
