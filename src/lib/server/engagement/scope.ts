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

/**
 * Whether the actor may see a request's consolidated result (score, band, gate), as a condition.
 * Staff see it unless they are assigned and have not submitted their own assessment; anyone else
 * only after submitting theirs. The requesting partner never does. Blind until submitted keeps
 * the combined figure from anchoring an assessor's own judgement.
 */
export function seesResult(actor: Actor): SQL {
	if (!isUser(actor)) return sql`false`;
	const own = (submitted: boolean) =>
		sql`EXISTS (SELECT 1 FROM ${engagementAssessments} WHERE ${engagementAssessments.requestId} = ${engagementRequests.id} AND ${engagementAssessments.assessorId} = ${actor.userId} AND ${engagementAssessments.submittedAt} IS ${submitted ? sql`NOT NULL` : sql`NULL`})`;
	return isStaff(actor) ? sql`NOT ${own(false)}` : own(true);
}
