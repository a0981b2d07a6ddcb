import { eq, sql } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx, Tx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { canSeeEvent } from './policies.ts';
import { events } from './schema.ts';

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** One event the actor may see; hidden and missing both answer NOT_FOUND. */
export async function findVisibleEvent(db: DbOrTx, actor: Actor, id: string) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [event] = await db.select().from(events).where(eq(events.id, id)).limit(1);
	if (!event || !canSeeEvent(actor, event).allowed) throw new DomainError('NOT_FOUND', m.e_not_found());
	return event;
}

/**
 * The event row locked for the rest of the transaction. Every change to its seats goes through
 * here first, so concurrent registrations queue on the lock and each sees the count the previous
 * one left; the CHECK on `confirmed_count` is the guard behind it.
 */
export async function lockEvent(tx: Tx, id: string) {
	if (!isUuid(id)) throw new DomainError('NOT_FOUND', m.e_not_found());
	const [event] = await tx.select().from(events).where(eq(events.id, id)).for('update');
	if (!event) throw new DomainError('NOT_FOUND', m.e_not_found());
	return event;
}

export const seatDelta = (delta: number) => sql`${events.confirmedCount} + ${delta}`;
