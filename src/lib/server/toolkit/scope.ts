import { sql, type SQL } from 'drizzle-orm';
import { memberships } from '../directory/schema.ts';
import { isStaff, isUser, type Actor } from '../identity/actor.ts';
import { strategies } from './schema.ts';

/** The strategies an actor may see, as a WHERE condition; mirrors canSeeStrategy. */
export function visibleStrategies(actor: Actor): SQL {
	if (!isUser(actor)) return sql`false`;
	if (isStaff(actor)) return sql`true`;
	return sql`${strategies.organisationId} IN (SELECT ${memberships.organisationId} FROM ${memberships} WHERE ${memberships.userId} = ${actor.userId})`;
}
