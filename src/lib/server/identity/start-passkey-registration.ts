import { count, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from './actor.ts';
import type { Auth } from './auth.ts';
import { ensureFreshProof } from './fresh-proof.ts';
import { fromPasskeyError, PASSKEYS_MAX } from './passkey-input.ts';
import { passkeys } from './schema.ts';

/**
 * First half of adding a passkey: the options the browser hands to the authenticator (a challenge
 * kept for five minutes behind a signed cookie). Adding a way to sign in needs a fresh proof.
 */
export async function startPasskeyRegistration(db: Db, auth: Auth, actor: Actor, headers: Headers) {
	if (actor.kind !== 'user' || actor.via !== 'session') throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	ensureFreshProof(actor);
	const [{ n }] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, actor.userId));
	if (n >= PASSKEYS_MAX) throw new DomainError('CONFLICT', m.passkey_too_many({ max: String(PASSKEYS_MAX) }));
	try {
		return await auth.api.generatePasskeyRegistrationOptions({ headers, query: { name: actor.email } });
	} catch (e) {
		fromPasskeyError(e);
	}
}
