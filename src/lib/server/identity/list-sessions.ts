import { and, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { UserActor } from './actor.ts';
import { sessions } from './schema.ts';

export type SessionView = { id: string; userAgent: string | null; createdAt: Date; lastSeenAt: Date; current: boolean };

/** One's own live sessions, newest activity first; the token never leaves the database. */
export async function listSessions(db: Db, actor: UserActor, currentSessionId: string | null): Promise<SessionView[]> {
	const rows = await db
		.select({ id: sessions.id, userAgent: sessions.userAgent, createdAt: sessions.createdAt, updatedAt: sessions.updatedAt })
		.from(sessions)
		.where(and(eq(sessions.userId, actor.userId), gt(sessions.expiresAt, new Date())))
		.orderBy(desc(sessions.updatedAt));
	return rows.map((r) => ({ id: r.id, userAgent: r.userAgent, createdAt: r.createdAt, lastSeenAt: r.updatedAt, current: r.id === currentSessionId }));
}
