import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { hasRole, isUser, type Actor } from '../identity/actor.ts';
import { grantApplications, grantAssignments } from './schema.ts';

/**
 * The applications an actor may see, as a WHERE condition. Programme staff see all; finance sees
 * awarded grants; reviewers (internal or external) see what is assigned to them and not handed
 * back for a conflict; applicants see their organisations' applications. Mirrors the detail
 * view's checks; anyone else matches nothing, so a hidden application is simply not found.
 */
export function visibleApplications(actor: Actor): SQL {
	if (!isUser(actor)) return sql`false`;
	if (hasRole(actor, 'admin', 'programme_officer')) return sql`true`;
	const conditions: SQL[] = [];
	const orgs = [...actor.memberships.keys()];
	if (orgs.length) conditions.push(inArray(grantApplications.organisationId, orgs));
	if (hasRole(actor, 'finance')) conditions.push(inArray(grantApplications.status, ['awarded', 'closed']));
	if (hasRole(actor, 'reviewer', 'external_reviewer'))
		conditions.push(
			sql`${grantApplications.id} IN (SELECT ${grantAssignments.applicationId} FROM ${grantAssignments} WHERE ${and(
				eq(grantAssignments.reviewerId, actor.userId),
				ne(grantAssignments.status, 'conflict')
			)})`
		);
	return conditions.length ? (or(...conditions) as SQL) : sql`false`;
}
