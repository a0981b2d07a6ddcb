import { sql, type SQL } from 'drizzle-orm';
import { memberships, organisations } from '../directory/schema.ts';
import { identityEntitled } from '../directory/scope.ts';
import { isStaff, isUser, type Actor } from '../identity/actor.ts';
import { strategies } from './schema.ts';

/**
 * The strategies an actor may see, as a WHERE condition; mirrors canSeeStrategy. A strategy
 * carries its partner's identity (its people, allies, plans), so staff see a sensitive partner's
 * strategies only when entitled to its identity (need-to-know).
 */
export function visibleStrategies(actor: Actor): SQL {
	if (!isUser(actor)) return sql`false`;
	if (isStaff(actor))
		return sql`${strategies.organisationId} IN (SELECT ${organisations.id} FROM ${organisations} WHERE ${identityEntitled(actor, organisations.id, organisations.sensitive)})`;
	return sql`${strategies.organisationId} IN (SELECT ${memberships.organisationId} FROM ${memberships} WHERE ${memberships.userId} = ${actor.userId})`;
}
