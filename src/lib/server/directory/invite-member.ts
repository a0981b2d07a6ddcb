import { createHash, randomBytes } from 'node:crypto';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { limitPerPerson } from '../identity/limit-person.ts';
import { queueMail } from '../mail/mailer.ts';
import { invitationMail } from '../mail/templates.ts';
import { parseInput } from '../validate.ts';
import { invitationInput } from '../../validation/directory.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import { outsideLabel } from './partner-label.ts';
import { canManageMembers } from './policies.ts';
import { invitations } from './schema.ts';
import { users } from '../identity/schema.ts';
import { eq } from 'drizzle-orm';

export const INVITATION_DAYS = 14;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Invites a person by e-mail. The link carries a one-time token; only its hash is stored. The
 * mail is in the invitee's language when they already have an account, else the inviter's.
 */
export async function inviteMember(
	db: Db,
	actor: Actor,
	organisationId: string,
	raw: unknown,
	opts: { origin: string; locale: string }
) {
	const input = parseInput(invitationInput, raw);
	const email = input.email.toLowerCase();
	// The mail is queued with the invitation: both are committed, or neither.
	const { invitation, token } = await db.transaction(async (tx) => {
		const org = await findVisibleOrganisation(tx, actor, organisationId);
		ensure(canManageMembers(actor, org));
		await limitPerPerson(tx, actor, 'invitations');
		const token = randomBytes(24).toString('base64url');
		const [invitation] = await tx
			.insert(invitations)
			.values({
				organisationId: org.id,
				email,
				role: input.role,
				tokenHash: hashToken(token),
				invitedBy: actor.kind === 'user' ? actor.userId : null,
				expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000)
			})
			.returning();
		await recordActivity(tx, actor, {
			subjectType: 'invitation',
			subjectId: invitation.id,
			organisationId: org.id,
			action: 'invited',
			changes: { email: { from: null, to: email }, role: { from: null, to: input.role } }
		});
		const [existing] = await tx.select({ locale: users.locale }).from(users).where(eq(users.email, email)).limit(1);
		const locale = existing?.locale ?? opts.locale;
		const content = invitationMail(
			locale,
			outsideLabel(org, locale),
			actor.kind === 'user' ? actor.name : '',
			`${opts.origin}/invitations/${token}`
		);
		await queueMail(tx, { kind: 'invitation', to: email, locale, ...content });
		return { invitation, token };
	});
	return { invitation, token };
}
