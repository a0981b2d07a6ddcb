import { and, eq, ne } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import type { Actor } from './actor.ts';
import type { Auth } from './auth.ts';
import { passkeyResponseInput } from './passkey-input.ts';
import { passkeys, sessions } from './schema.ts';
import { signInWithPasskey } from './sign-in-with-passkey.ts';

/**
 * Confirms who one is with one of one's own passkeys: a fresh proof, and the second factor a staff
 * role needs. The library opens a new session for a passkey, so the confirmed session replaces the
 * old one (whose row is removed): the same person, a new cookie, freshly proven.
 */
export async function confirmWithPasskey(db: Db, auth: Auth, actor: Actor, sessionId: string | null, raw: unknown, ctx: { ip: string; headers: Headers }) {
	if (actor.kind !== 'user' || actor.via !== 'session' || !sessionId) throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	const { response } = parseInput(passkeyResponseInput, raw);
	const [own] = await db
		.select({ id: passkeys.id })
		.from(passkeys)
		.where(and(eq(passkeys.credentialID, response.id), eq(passkeys.userId, actor.userId)));
	// Someone else's passkey on this device would sign that person in here: refused before it is judged.
	if (!own) throw new DomainError('INVALID_INPUT', m.passkey_not_yours());
	const { sessionId: fresh } = await signInWithPasskey(db, auth, raw, ctx);
	await db.update(sessions).set({ provenAt: new Date() }).where(eq(sessions.id, fresh));
	await db.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.userId), ne(sessions.id, fresh)));
}
