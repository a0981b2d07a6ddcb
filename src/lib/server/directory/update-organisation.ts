import { eq } from 'drizzle-orm';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { organisationPatch } from '../../validation/directory.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import { canEditOrganisation } from './policies.ts';
import { organisations } from './schema.ts';

export async function updateOrganisation(db: Db, actor: Actor, id: string, raw: unknown) {
	const input = parseInput(organisationPatch, raw);
	return db.transaction(async (tx) => {
		const before = await findVisibleOrganisation(tx, actor, id);
		ensure(canEditOrganisation(actor, before));
		const values = { ...input, ...(input.website !== undefined ? { website: input.website || null } : {}) };
		const changes = diff(before, values);
		if (!Object.keys(changes).length) return before;
		const [after] = await tx.update(organisations).set(values).where(eq(organisations.id, id)).returning();
		await recordActivity(tx, actor, {
			subjectType: 'organisation',
			subjectId: id,
			organisationId: id,
			action: 'updated',
			changes
		});
		return after;
	});
}
