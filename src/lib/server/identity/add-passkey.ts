import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import type { Actor } from './actor.ts';
import type { Auth } from './auth.ts';
import { ensureFreshProof } from './fresh-proof.ts';
import { addPasskeyInput, fromPasskeyError } from './passkey-input.ts';
import { sessions } from './schema.ts';

/**
 * Second half of adding a passkey: the library checks the authenticator's answer against the
 * challenge and stores the credential under the person's name. The session that added it counts
 * as proven by a passkey (as turning on a two-step code does for TOTP).
 */
export async function addPasskey(db: Db, auth: Auth, actor: Actor, sessionId: string | null, raw: unknown, headers: Headers) {
	if (actor.kind !== 'user' || actor.via !== 'session' || !sessionId) throw new DomainError('UNAUTHENTICATED', m.e_sign_in_required());
	ensureFreshProof(actor);
	const input = parseInput(addPasskeyInput, raw);
	try {
		await auth.api.verifyPasskeyRegistration({ body: { response: input.response, name: input.name }, headers });
	} catch (e) {
		fromPasskeyError(e);
	}
	await db
		.update(sessions)
		.set({ passkeyAt: new Date() })
		.where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.userId)));
}
