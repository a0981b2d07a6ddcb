import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { ASSESSOR_ROLES, canAssign } from './policies.ts';

/** People a programme officer may assign to assess. */
export async function listAssessors(db: DbOrTx, actor: Actor) {
	ensure(canAssign(actor));
	return db
		.select({ id: users.id, name: users.name, role: users.role })
		.from(users)
		.where(inArray(users.role, [...ASSESSOR_ROLES]))
		.orderBy(asc(users.name))
		.limit(500);
}
