import { randomBytes } from 'node:crypto';
import { and, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { UserActor } from './actor.ts';
import { FRESH_PROOF_SECONDS } from './fresh-proof.ts';
import { pendingActions } from './schema.ts';

/** A held form waits as long as a proof stays fresh: long enough to confirm, too short to be found later. */
export const PENDING_ACTION_SECONDS = FRESH_PROOF_SECONDS;

/** Typed values that are never held: passwords, codes, tokens and other secrets. */
export const SECRET_FIELD = /password|code|token|secret/i;
const MAX_FIELDS = 20;
const MAX_VALUE = 500;

/** What of a submitted form may be held: short, non-secret text fields only. */
export function keepableValues(values: Record<string, unknown>): Record<string, string> {
	const kept: Record<string, string> = {};
	for (const [key, value] of Object.entries(values)) {
		if (Object.keys(kept).length >= MAX_FIELDS) break;
		if (typeof value === 'string' && value.length <= MAX_VALUE && key.length <= 64 && !SECRET_FIELD.test(key)) kept[key] = value;
	}
	return kept;
}

/**
 * Holds a form that was refused for want of a fresh proof, so that confirming finishes it instead
 * of starting over. Only a person signed in with a session can hold one; a session holds one at a
 * time (the latest form wins), and expired ones are cleared on the way. The id is random and is
 * worthless without the session it belongs to.
 */
export async function holdPendingAction(
	db: Db,
	actor: UserActor,
	sessionId: string,
	form: { action: string; returnTo: string; values: Record<string, unknown> }
): Promise<string> {
	const id = randomBytes(24).toString('base64url');
	const now = new Date();
	await db.transaction(async (tx) => {
		await tx.delete(pendingActions).where(or(eq(pendingActions.sessionId, sessionId), lt(pendingActions.expiresAt, now)));
		await tx.insert(pendingActions).values({
			id,
			sessionId,
			userId: actor.userId,
			action: form.action,
			returnTo: form.returnTo,
			values: keepableValues(form.values),
			expiresAt: new Date(now.getTime() + PENDING_ACTION_SECONDS * 1000)
		});
	});
	return id;
}

/** A held form's id as handed out: anything else is no held form (and never reaches a query). */
export const isPendingActionId = (id: unknown): id is string => typeof id === 'string' && /^[A-Za-z0-9_-]{32}$/.test(id);

/** The held form's owner: this session of this person. */
export const ownedBy = (actor: UserActor, sessionId: string, id: string) =>
	and(eq(pendingActions.id, id), eq(pendingActions.sessionId, sessionId), eq(pendingActions.userId, actor.userId));
