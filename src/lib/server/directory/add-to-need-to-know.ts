import { and, eq, isNull } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { needToKnowInput } from '../../validation/directory.ts';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { parseInput } from '../validate.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import { NEED_TO_KNOW_ROLES } from './list-need-to-know.ts';
import { canManageNeedToKnow } from './policies.ts';
import { needToKnow } from './schema.ts';

/**
 * Names a reviewer or finance person on a partner's need-to-know list, so that they see its
 * identity. Adding someone already listed changes nothing and logs nothing.
 */
export async function addToNeedToKnow(db: Db, actor: Actor, organisationId: string, raw: unknown) {
	ensure(canManageNeedToKnow(actor));
	const { userId } = parseInput(needToKnowInput, raw);
	return db.transaction(async (tx) => {
		const org = await findVisibleOrganisation(tx, actor, organisationId);
		const [person] = await tx.select({ id: users.id, role: users.role }).from(users).where(and(eq(users.id, userId), isNull(users.erasedAt))).limit(1);
		if (!person) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { userId: [m.v_need_to_know_unknown_person()] });
		if (!(NEED_TO_KNOW_ROLES as readonly string[]).includes(person.role))
			throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { userId: [m.v_need_to_know_staff_only()] });
		const added = await tx
			.insert(needToKnow)
			.values({ organisationId: org.id, userId: person.id, addedBy: actor.kind === 'user' ? actor.userId : null })
			.onConflictDoNothing()
			.returning();
		if (added.length)
			await recordActivity(tx, actor, {
				subjectType: 'organisation',
				subjectId: org.id,
				organisationId: org.id,
				action: 'need_to_know_added',
				changes: { needToKnow: { from: null, to: person.id } }
			});
		return { organisationId: org.id, userId: person.id, added: added.length > 0 };
	});
}
