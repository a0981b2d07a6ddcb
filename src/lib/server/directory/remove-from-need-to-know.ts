import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import { canManageNeedToKnow } from './policies.ts';
import { needToKnow } from './schema.ts';

/** Takes a person off a partner's need-to-know list; from their next request they see its reference only. */
export async function removeFromNeedToKnow(db: Db, actor: Actor, organisationId: string, userId: string) {
	ensure(canManageNeedToKnow(actor));
	return db.transaction(async (tx) => {
		const org = await findVisibleOrganisation(tx, actor, organisationId);
		const removed = await tx
			.delete(needToKnow)
			.where(and(eq(needToKnow.organisationId, org.id), eq(needToKnow.userId, userId)))
			.returning();
		if (!removed.length) throw new DomainError('NOT_FOUND', m.e_not_found());
		await recordActivity(tx, actor, {
			subjectType: 'organisation',
			subjectId: org.id,
			organisationId: org.id,
			action: 'need_to_know_removed',
			changes: { needToKnow: { from: userId, to: null } }
		});
	});
}
