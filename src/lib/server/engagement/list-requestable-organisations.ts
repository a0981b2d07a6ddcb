import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { isUser, type Actor } from '../identity/actor.ts';
import { isOfficer } from './policies.ts';

/** The partners the actor may request support for: their own, or any partner for an officer. */
export async function listRequestableOrganisations(db: DbOrTx, actor: Actor) {
	if (!isUser(actor)) return [];
	const q = db.select({ id: organisations.id, name: organisations.name }).from(organisations);
	if (isOfficer(actor)) return q.orderBy(asc(organisations.name)).limit(1000);
	const mine = [...actor.memberships.keys()];
	if (!mine.length) return [];
	return q.where(inArray(organisations.id, mine)).orderBy(asc(organisations.name));
}
