import { eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { queueMail } from '../mail/mailer.ts';
import { accountExistsMail } from '../mail/templates.ts';
import { hitRateLimit, LIMITS } from './rate-limit.ts';
import { users } from './schema.ts';

/**
 * Someone signed up with an address that has an account. The sign-up page answers as for a new
 * account (the auth library hashes the password either way, so the time does not differ); the
 * owner hears by mail: a fresh verification link if the address was never confirmed, otherwise
 * where to sign in or choose a new password. A few such mails an hour per address at most.
 */
export async function remindExistingAccount(db: Db, baseURL: string, email: string, sendVerification: (email: string) => Promise<unknown>) {
	const limit = await hitRateLimit(db, `link-again:email:${email.toLowerCase()}`, LIMITS.linkAgain.max, LIMITS.linkAgain.windowSeconds);
	if (!limit.allowed) return;
	const [user] = await db.select({ name: users.name, email: users.email, locale: users.locale, verified: users.emailVerified }).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
	if (!user) return;
	// The auth library makes a new link and hands it to the hub's verification mail, which is queued.
	if (!user.verified) return void (await sendVerification(user.email));
	const base = baseURL.replace(/\/$/, '');
	await queueMail(db, { kind: 'account_exists', to: user.email, locale: user.locale, ...accountExistsMail(user.locale, user.name, `${base}/sign-in`, `${base}/forgot-password`) });
}
