import { and, eq, gt, isNull } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { hashToken } from './invite-member.ts';
import { outsideLabel } from './partner-label.ts';
import { invitations, memberships, organisations } from './schema.ts';

async function openInvitation(db: Db, token: string) {
	const [row] = await db
		.select({ invitation: invitations, organisation: { id: organisations.id, name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive } })
		.from(invitations)
		.innerJoin(organisations, eq(organisations.id, invitations.organisationId))
		.where(
			and(
				eq(invitations.tokenHash, hashToken(token)),
				isNull(invitations.acceptedAt),
				isNull(invitations.revokedAt),
				gt(invitations.expiresAt, new Date())
			)
		)
		.limit(1);
	if (!row) throw new DomainError('NOT_FOUND', m.e_invitation_invalid());
	return row;
}

/**
 * What the invitation page shows before accepting: the token itself is the permission to see it.
 * A link can be forwarded, so a sensitive partner is named only by its neutral reference until the
 * invitee has signed in and accepted.
 */
export async function previewInvitation(db: Db, token: string) {
	const { invitation, organisation } = await openInvitation(db, token);
	return { email: invitation.email, role: invitation.role, organisationName: outsideLabel(organisation), organisationId: organisation.id };
}

/** Only the person the invitation was sent to may use it: their account's e-mail must match. */
export async function acceptInvitation(db: Db, actor: Actor, token: string) {
	if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	return db.transaction(async (tx) => {
		const { invitation } = await openInvitation(tx as unknown as Db, token);
		if (invitation.email !== actor.email.toLowerCase())
			throw new DomainError('FORBIDDEN', m.e_invitation_other_email({ email: invitation.email }));
		await tx
			.insert(memberships)
			.values({ organisationId: invitation.organisationId, userId: actor.userId, role: invitation.role })
			.onConflictDoUpdate({ target: [memberships.organisationId, memberships.userId], set: { role: invitation.role } });
		await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
		await recordActivity(tx, actor, {
			subjectType: 'membership',
			subjectId: actor.userId,
			organisationId: invitation.organisationId,
			action: 'member_added',
			changes: { role: { from: null, to: invitation.role } }
		});
		return { organisationId: invitation.organisationId };
	});
}
