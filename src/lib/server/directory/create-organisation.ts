import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { organisationInput } from '../../validation/directory.ts';
import { newReference } from './partner-label.ts';
import { canCreateOrganisation } from './policies.ts';
import { memberships, organisations } from './schema.ts';
import { STAFF_ROLES } from '../../roles.ts';

/** A partner member who adds their organisation becomes its owner; staff (of any role) add partners without joining them. */
export async function createOrganisation(db: Db, actor: Actor, raw: unknown) {
	ensure(canCreateOrganisation(actor));
	if (actor.kind !== 'user') throw new Error('unreachable');
	const input = parseInput(organisationInput, raw);
	return db.transaction(async (tx) => {
		const [org] = await tx
			.insert(organisations)
			.values({
				...input,
				website: input.website || null,
				reference: newReference(),
				createdBy: actor.userId
			})
			.returning();
		await recordActivity(tx, actor, {
			subjectType: 'organisation',
			subjectId: org.id,
			organisationId: org.id,
			action: 'created'
		});
		if (!STAFF_ROLES.includes(actor.role)) {
			await tx.insert(memberships).values({ organisationId: org.id, userId: actor.userId, role: 'owner' });
			await recordActivity(tx, actor, {
				subjectType: 'membership',
				subjectId: actor.userId,
				organisationId: org.id,
				action: 'member_added',
				changes: { role: { from: null, to: 'owner' } }
			});
		}
		return org;
	});
}
