import { and, asc, count, ilike, isNull, or } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from './actor.ts';
import { ensure } from './ensure.ts';
import { canListUsers } from './policies.ts';
import { users } from './schema.ts';

export async function listUsers(db: Db, actor: Actor, q = '', page = 1, pageSize = 50) {
	ensure(canListUsers(actor));
	const term = q.trim().replace(/[%_\\]/g, (c) => '\\' + c);
	// Erased people are emptied shells kept for the records that point at them; they are not users.
	const where = and(isNull(users.erasedAt), term ? or(ilike(users.name, `%${term}%`), ilike(users.email, `%${term}%`)) : undefined);
	const [items, [{ total }]] = await Promise.all([
		db
			.select({ id: users.id, name: users.name, email: users.email, role: users.role, emailVerified: users.emailVerified, twoFactorEnabled: users.twoFactorEnabled, createdAt: users.createdAt })
			.from(users)
			.where(where)
			.orderBy(asc(users.name))
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db.select({ total: count() }).from(users).where(where)
	]);
	return { items, total, page, pageSize };
}
