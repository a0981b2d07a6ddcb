import { and, asc, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { users } from '../identity/schema.ts';

/** Everyone a stage may name as reviewer (whether a given stage accepts their role is checked on assignment). */
export async function listReviewers(db: DbOrTx) {
	return reviewersQuery(db);
}

/** The query behind `listReviewers`, for a statement that reads it along with other things. */
export function reviewersQuery(db: DbOrTx) {
	return db
		.select({ id: users.id, name: users.name, role: users.role })
		.from(users)
		.where(and(isNull(users.erasedAt), inArray(users.role, ['reviewer', 'external_reviewer', 'programme_officer', 'admin'])))
		.orderBy(asc(users.name), asc(users.id));
}
