import { and, eq, gt, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { UserActor } from './actor.ts';
import { isPendingActionId, ownedBy } from './hold-pending-action.ts';
import { pendingActions } from './schema.ts';

/** A used form kept so its page can show it filled in again, with why finishing it was refused. */
export async function keepForRefill(db: Db, id: string, message: string | null): Promise<void> {
	await db.update(pendingActions).set({ message }).where(eq(pendingActions.id, id));
}

/** A finished form is forgotten at once. */
export async function forgetPendingAction(db: Db, id: string): Promise<void> {
	await db.delete(pendingActions).where(eq(pendingActions.id, id));
}

/**
 * The values to show in the form again, once (reading removes them), for the session that sent it.
 * Only a form already taken by a confirmation is given back: one still waiting stays with the
 * confirm step.
 */
export async function takeRefill(
	db: Db,
	actor: UserActor,
	sessionId: string | null,
	id: string | null
): Promise<{ action: string; values: Record<string, string>; message: string | null } | null> {
	if (!sessionId || !isPendingActionId(id)) return null;
	const [row] = await db
		.delete(pendingActions)
		.where(and(ownedBy(actor, sessionId, id), isNotNull(pendingActions.usedAt), gt(pendingActions.expiresAt, new Date())))
		.returning({ action: pendingActions.action, values: pendingActions.values, message: pendingActions.message });
	return row ?? null;
}
