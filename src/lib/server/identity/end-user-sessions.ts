import { and, eq, isNull } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { ensure } from './ensure.ts';
import { canEndUserSessions } from './policies.ts';
import { apiTokens, sessions, users } from './schema.ts';

/**
 * An admin ends every session of a person, for example when their laptop was taken. Their API
 * tokens are revoked too: a token on the same machine would otherwise keep working.
 */
export async function endUserSessions(db: Db, actor: Actor, userId: string) {
	ensure(canEndUserSessions(actor));
	return db.transaction(async (tx) => {
		const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
		if (!user) throw new DomainError('NOT_FOUND', m.e_not_found());
		const gone = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
		const revoked = await tx
			.update(apiTokens)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
			.returning({ id: apiTokens.id });
		await recordActivity(tx, actor, {
			subjectType: 'user',
			subjectId: userId,
			action: 'session.ended_by_admin',
			changes: { sessions: { from: gone.length, to: 0 }, apiTokens: { from: revoked.length, to: 0 } }
		});
		return { sessions: gone.length, tokens: revoked.length };
	});
}
