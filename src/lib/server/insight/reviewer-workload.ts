import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Translated } from '../grants/definition.ts';
import { grantApplications, grantAssignments, grantCalls, grantProgrammes } from '../grants/schema.ts';
import { users } from '../identity/schema.ts';
import type { InsightQuery } from '../../validation/insight-report.ts';
import { callsInScope } from './call-figures.ts';
import { joinPartnerWhenFiltered, num, partnerFilter } from './report-scope.ts';

export type ReviewerRow = { callId: string; callTitle: Translated; reviewerId: string; reviewer: string; assigned: number; reviewed: number; pending: number; conflicts: number };

/** Per call and reviewer: applications assigned, reviewed, still waiting, and conflicts declared. */
export async function reviewerWorkload(db: DbOrTx, q: InsightQuery): Promise<ReviewerRow[]> {
	const counted = db
		.select({
			callId: grantApplications.callId,
			callTitle: grantCalls.title,
			reviewerId: grantAssignments.reviewerId,
			reviewer: users.name,
			assigned: sql`count(*)`,
			reviewed: sql`count(*) filter (where ${grantAssignments.status} = 'reviewed')`,
			pending: sql`count(*) filter (where ${grantAssignments.status} in ('pending', 'clear'))`,
			conflicts: sql`count(*) filter (where ${grantAssignments.status} = 'conflict')`
		})
		.from(grantAssignments)
		.innerJoin(grantApplications, eq(grantApplications.id, grantAssignments.applicationId))
		.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
		.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
		.innerJoin(users, eq(users.id, grantAssignments.reviewerId))
		.$dynamic();
	const rows = await joinPartnerWhenFiltered(counted, q, grantApplications.organisationId)
		.where(and(callsInScope(q), partnerFilter(q)))
		.groupBy(grantApplications.callId, grantCalls.title, grantAssignments.reviewerId, users.name)
		.orderBy(grantApplications.callId, users.name);
	return rows.map((r) => ({ ...r, assigned: num(r.assigned), reviewed: num(r.reviewed), pending: num(r.pending), conflicts: num(r.conflicts) }));
}
