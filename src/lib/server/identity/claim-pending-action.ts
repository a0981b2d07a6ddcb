import { and, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { UserActor } from './actor.ts';
import { isPendingActionId, ownedBy } from './hold-pending-action.ts';
import { pendingActions } from './schema.ts';

export type PendingAction = { id: string; action: string; returnTo: string; values: Record<string, string> };

const columns = { id: pendingActions.id, action: pendingActions.action, returnTo: pendingActions.returnTo, values: pendingActions.values };
const waiting = (actor: UserActor, sessionId: string, id: string) =>
	and(ownedBy(actor, sessionId, id), isNull(pendingActions.usedAt), gt(pendingActions.expiresAt, new Date()));

/** The held form, if it still waits for this session's proof (the confirm page names it); nothing is used up. */
export async function findPendingAction(db: Db, actor: UserActor, sessionId: string | null, id: string | null): Promise<PendingAction | null> {
	if (!sessionId || !isPendingActionId(id)) return null;
	const [row] = await db.select(columns).from(pendingActions).where(waiting(actor, sessionId, id)).limit(1);
	return row ?? null;
}

/**
 * Takes the held form to finish it, once: a conditional update marks it used, so two confirmations
 * (or a replayed one) cannot run it twice. Another session, another person, an expired or an
 * already used one get nothing.
 */
export async function claimPendingAction(db: Db, actor: UserActor, sessionId: string | null, id: string | null): Promise<PendingAction | null> {
	if (!sessionId || !isPendingActionId(id)) return null;
	const [row] = await db.update(pendingActions).set({ usedAt: new Date() }).where(waiting(actor, sessionId, id)).returning(columns);
	return row ?? null;
}
