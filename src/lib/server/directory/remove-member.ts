import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import { canManageMembers } from './policies.ts';
import { memberships } from './schema.ts';

/** Owners and programme staff remove members; the last owner stays, so someone can always manage the team. */
export async function removeMember(db: Db, actor: Actor, organisationId: string, userId: string) {
	return db.transaction(async (tx) => {
		const org = await findVisibleOrganisation(tx, actor, organisationId);
		ensure(canManageMembers(actor, org));
		const rows = await tx.select().from(memberships).where(eq(memberships.organisationId, org.id));
		const target = rows.find((r) => r.userId === userId);
		if (!target) throw new DomainError('NOT_FOUND', m.e_not_found());
		if (target.role === 'owner' && rows.filter((r) => r.role === 'owner').length === 1)
			throw new DomainError('CONFLICT', m.e_last_owner());
		await tx.delete(memberships).where(and(eq(memberships.organisationId, org.id), eq(memberships.userId, userId)));
		await recordActivity(tx, actor, {
			subjectType: 'membership',
			subjectId: userId,
			organisationId: org.id,
			action: 'member_removed',
			changes: { role: { from: target.role, to: null } }
		});
	});
}
