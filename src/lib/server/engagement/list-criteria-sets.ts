import { desc } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { currentCriteriaSet } from './criteria-set.ts';
import { canReadCriteria } from './policies.ts';
import { criteriaSets } from './schema.ts';

/** Every version of the criteria, newest first. */
export async function listCriteriaSets(db: Db, actor: Actor) {
	ensure(canReadCriteria(actor));
	await db.transaction((tx) => currentCriteriaSet(tx, actor));
	return db.select().from(criteriaSets).orderBy(desc(criteriaSets.version));
}
