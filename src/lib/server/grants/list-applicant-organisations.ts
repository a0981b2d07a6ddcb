import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { isUser, type Actor } from '../identity/actor.ts';

/** The organisations a person may apply for: the ones they belong to. */
export async function listApplicantOrganisations(db: DbOrTx, actor: Actor) {
	if (!isUser(actor) || !actor.memberships.size) return [];
	return db
		.select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
		.from(organisations)
		.where(inArray(organisations.id, [...actor.memberships.keys()]))
		.orderBy(asc(organisations.name));
}
