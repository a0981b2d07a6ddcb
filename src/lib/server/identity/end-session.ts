import { and, eq, ne } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { UserActor } from './actor.ts';
import { sessions } from './schema.ts';

/**
 * Ends one of one's own sessions. Sessions live only in the database (no cookie copy is trusted,
 * decision 037), so the deleted row refuses the very next request from that device.
 */
export async function endSession(db: Db, actor: UserActor, sessionId: string) {
	return db.transaction(async (tx) => {
		const gone = await tx
			.delete(sessions)
			.where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.userId)))
			.returning({ id: sessions.id });
		if (!gone.length) throw new DomainError('NOT_FOUND', m.e_not_found());
		await recordActivity(tx, actor, { subjectType: 'user', subjectId: actor.userId, action: 'session.ended' });
	});
}

/** "Sign out everywhere else": every session but the one making the request. */
export async function endOtherSessions(db: Db, actor: UserActor, currentSessionId: string | null) {
	return db.transaction(async (tx) => {
		const where = currentSessionId
			? and(eq(sessions.userId, actor.userId), ne(sessions.id, currentSessionId))
			: eq(sessions.userId, actor.userId);
		const gone = await tx.delete(sessions).where(where).returning({ id: sessions.id });
		if (gone.length)
			await recordActivity(tx, actor, { subjectType: 'user', subjectId: actor.userId, action: 'session.ended_elsewhere' });
		return gone.length;
	});
}
