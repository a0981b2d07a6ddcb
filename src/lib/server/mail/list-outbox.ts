import { count, desc } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { canReadOutbox } from '../identity/policies.ts';
import { outboxMessages } from './schema.ts';

export async function listOutbox(db: Db, actor: Actor, page = 1, pageSize = 25) {
	if (!canReadOutbox(actor).allowed) throw new DomainError('FORBIDDEN', m.e_forbidden());
	const [items, [{ total }]] = await Promise.all([
		db
			.select()
			.from(outboxMessages)
			.orderBy(desc(outboxMessages.createdAt))
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db.select({ total: count() }).from(outboxMessages)
	]);
	return { items, total, page, pageSize };
}
