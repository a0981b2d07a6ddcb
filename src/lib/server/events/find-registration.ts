import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { eventRegistrations, events } from './schema.ts';
import { hashToken } from './tokens.ts';

/** The registration a personal link opens: the token is the permission, and it opens only its own. */
export async function findRegistrationByToken(db: DbOrTx, token: string) {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [row] = await db
		.select({ registration: eventRegistrations, event: events })
		.from(eventRegistrations)
		.innerJoin(events, eq(events.id, eventRegistrations.eventId))
		.where(eq(eventRegistrations.tokenHash, hashToken(token)))
		.limit(1);
	if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
	return row;
}

/** A signed-in person's own latest registration for an event, if any. */
export async function findOwnRegistration(db: DbOrTx, actor: Actor, eventId: string) {
	if (actor.kind !== 'user') return null;
	const rows = await db
		.select()
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, actor.userId)))
		.orderBy(eventRegistrations.createdAt);
	return rows.at(-1) ?? null;
}
