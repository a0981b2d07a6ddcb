import { createHash, randomBytes } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { queueMails } from '../mail/mailer.ts';
import { parseInput } from '../validate.ts';
import { z } from '../../validation/zod.ts';
import type { UserActor } from './actor.ts';
import { emailChangeNoticeMail, emailChangeTakenMail, emailChangeVerifyMail } from './email-change-mail.ts';
import { ensureFreshProof } from './fresh-proof.ts';
import { hitRateLimit, LIMITS, RateLimitedError } from './rate-limit.ts';
import { users, verifications } from './schema.ts';

export const EMAIL_CHANGE_HOURS = 24;
export const emailChangeInput = z.object({ email: z.email().max(320) });

export const emailChangeIdentifier = (token: string) => `email-change:${createHash('sha256').update(token).digest('base64url')}`;

/**
 * Asks to change one's e-mail address (a fresh proof first). Nothing changes yet: a link goes to the
 * new address and a notice to the old one; the change happens when the link is used. The answer is
 * the same whether or not the new address already has an account (its owner is told by mail
 * instead), and each person may ask a few times an hour. Mail is written with the request.
 */
export async function requestEmailChange(db: Db, actor: UserActor, raw: unknown, baseURL: string): Promise<{ email: string }> {
	ensureFreshProof(actor);
	const email = parseInput(emailChangeInput, raw).email.toLowerCase();
	const limit = await hitRateLimit(db, `email-change:${actor.userId}`, LIMITS.emailChange.max, LIMITS.emailChange.windowSeconds);
	if (!limit.allowed) throw new RateLimitedError(m.auth_rate_limited({ seconds: String(limit.retryAfter) }), limit.retryAfter);
	const [me] = await db.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, actor.userId));
	if (!me) throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	if (email === me.email.toLowerCase())
		throw new DomainError('INVALID_INPUT', m.email_change_same(), { email: [m.email_change_same()] });
	const [taken] = await db.select({ name: users.name, locale: users.locale }).from(users).where(eq(users.email, email));
	const token = randomBytes(32).toString('base64url');
	await db.transaction(async (tx) => {
		const notice = { kind: 'email_change_notice', to: me.email, locale: me.locale, ...emailChangeNoticeMail(me.locale, me.name, email, `${baseURL}/settings/security`) };
		if (taken) {
			await queueMails(tx, [notice, { kind: 'email_change_taken', to: email, locale: taken.locale, ...emailChangeTakenMail(taken.locale, taken.name) }]);
			return;
		}
		// One pending change at a time: asking again replaces the earlier link.
		await tx.delete(verifications).where(and(like(verifications.identifier, 'email-change:%'), like(verifications.value, `${actor.userId}\n%`)));
		await tx.insert(verifications).values({
			id: crypto.randomUUID(),
			identifier: emailChangeIdentifier(token),
			value: pendingValue(actor.userId, email),
			expiresAt: new Date(Date.now() + EMAIL_CHANGE_HOURS * 3600_000)
		});
		const url = `${baseURL}/settings/email/verify?token=${token}`;
		await queueMails(tx, [{ kind: 'email_change_verify', to: email, locale: me.locale, ...emailChangeVerifyMail(me.locale, me.name, url) }, notice]);
	});
	return { email };
}

/** The pending change: whose account, and the new address (one per line). */
export const pendingValue = (userId: string, email: string) => `${userId}\n${email}`;
