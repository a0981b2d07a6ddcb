import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import { canManageMembers, canSeePrivate } from './policies.ts';
import { invitations, memberships } from './schema.ts';

/** Members, and for those who manage them, the invitations still open. */
export async function listMembers(db: Db, actor: Actor, organisationId: string) {
	const org = await findVisibleOrganisation(db, actor, organisationId);
	ensure(canSeePrivate(actor, org));
	const members = await db
		.select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.organisationId, org.id))
		.orderBy(asc(users.name));
	const pending = canManageMembers(actor, org).allowed
		? await db
				.select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
				.from(invitations)
				.where(
					and(
						eq(invitations.organisationId, org.id),
						isNull(invitations.acceptedAt),
						isNull(invitations.revokedAt),
						gt(invitations.expiresAt, new Date())
					)
				)
		: [];
	return { members, pending };
}
