import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { DIRECTORY_MANAGERS } from '../../roles.ts';
import { hasRole, isStaff, isUser, type Actor } from '../identity/actor.ts';
import { memberships, needToKnow, organisations } from './schema.ts';

/**
 * The entitlement rule of `entitledToIdentity` as a SQL condition over any query's organisation
 * id and sensitivity columns, for lists, searches and filters that must neither show nor match a
 * sensitive partner's name for someone not entitled to it. One subquery per statement, never one
 * query per row.
 */
export function identityEntitled(actor: Actor, organisationId: SQLWrapper, sensitive: SQLWrapper): SQL {
	if (!isUser(actor)) return sql`(${sensitive} = false)`;
	if (hasRole(actor, ...DIRECTORY_MANAGERS)) return sql`true`;
	const mine = sql`${organisationId} IN (SELECT ${memberships.organisationId} FROM ${memberships} WHERE ${memberships.userId} = ${actor.userId})`;
	if (!isStaff(actor)) return sql`(${sensitive} = false OR ${mine})`;
	const listed = sql`${organisationId} IN (SELECT ${needToKnow.organisationId} FROM ${needToKnow} WHERE ${needToKnow.userId} = ${actor.userId})`;
	return sql`(${sensitive} = false OR ${mine} OR ${listed})`;
}

/**
 * The organisations an actor may see, as a WHERE condition: a query scoped by it simply
 * matches nothing the actor may not see. Mirrors canSeeOrganisation: staff see every ordinary
 * partner and the sensitive ones they are entitled to; external reviewers only their own.
 */
export function visibleOrganisations(actor: Actor): SQL {
	if (!isUser(actor)) return sql`false`;
	if (actor.role === 'external_reviewer')
		return sql`${organisations.id} IN (SELECT ${memberships.organisationId} FROM ${memberships} WHERE ${memberships.userId} = ${actor.userId})`;
	return identityEntitled(actor, organisations.id, organisations.sensitive);
}
