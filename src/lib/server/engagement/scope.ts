import { sql, type SQL } from 'drizzle-orm';
import { memberships } from '../directory/schema.ts';
import { isStaff, isUser, type Actor } from '../identity/actor.ts';
import { engagementAssessments, engagementRequests } from './schema.ts';

/**
 * The requests an actor may see, as a WHERE condition: staff see all; anyone else sees their own
 * organisations' requests and the ones they are assigned to assess. Mirrors the use cases' checks.
 */
export function visibleRequests(actor: Actor): SQL {
	if (!isUser(actor)) return sql`false`;
	if (isStaff(actor)) return sql`true`;
	return sql`(${engagementRequests.organisationId} IN (SELECT ${memberships.organisationId} FROM ${memberships} WHERE ${memberships.userId} = ${actor.userId}) OR ${engagementRequests.id} IN (SELECT ${engagementAssessments.requestId} FROM ${engagementAssessments} WHERE ${engagementAssessments.assessorId} = ${actor.userId}))`;
}
