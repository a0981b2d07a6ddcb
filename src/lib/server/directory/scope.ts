import { sql, type SQL } from 'drizzle-orm';
import { isStaff, isUser, type Actor } from '../identity/actor.ts';
import { memberships, organisations } from './schema.ts';

/**
 * The organisations an actor may see, as a WHERE condition: a query scoped by it simply
 * matches nothing the actor may not see. Mirrors canSeeOrganisation.
 */
export function visibleOrganisations(actor: Actor): SQL {
	if (!isUser(actor)) return sql`false`;
	if (isStaff(actor)) return sql`true`;
	const mine = sql`${organisations.id} IN (SELECT ${memberships.organisationId} FROM ${memberships} WHERE ${memberships.userId} = ${actor.userId})`;
	if (actor.role === 'external_reviewer') return mine;
	return sql`(${organisations.sensitive} = false OR ${mine})`;
}
