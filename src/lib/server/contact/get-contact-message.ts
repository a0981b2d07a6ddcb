import { m } from '#lib/paraglide/messages.js';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { canUseInbox } from './policies.ts';
import { contactMessages } from './schema.ts';

/** One message for the inbox, or NOT_FOUND (also once the retention rules have deleted it). */
export async function getContactMessage(db: DbOrTx, actor: Actor, id: string) {
	ensure(canUseInbox(actor));
	const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
	const [row] = uuid ? await db.select().from(contactMessages).where(eq(contactMessages.id, id)) : [];
	if (!row) throw new DomainError('NOT_FOUND', m.e_not_found());
	return row;
}
