import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Translated } from '../grants/definition.ts';
import { organisations } from '../directory/schema.ts';
import { grantApplications, grantAssignments, grantCalls, grantProgrammes } from '../grants/schema.ts';
import { users } from '../identity/schema.ts';
import type { InsightQuery } from '../../validation/insight-report.ts';
import { callsInScope } from './call-figures.ts';
import { num } from './report-scope.ts';

export type ReviewerRow = { callId: string; callTitle: Translated; reviewerId: string; reviewer: string; assigned: number; reviewed: number; pending: number; conflicts: number };

/** Per call and reviewer: applications assigned, reviewed, still waiting, and conflicts declared. */
export async function reviewerWorkload(db: DbOrTx, q: InsightQuery): Promise<ReviewerRow[]> {
	const rows = await db
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
		.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
		.innerJoin(users, eq(users.id, grantAssignments.reviewerId))
		.where(and(callsInScope(q), q.region ? eq(organisations.region, q.region) : undefined, q.country ? eq(organisations.country, q.country) : undefined, q.kind ? eq(organisations.kind, q.kind) : undefined))
		.groupBy(grantApplications.callId, grantCalls.title, grantAssignments.reviewerId, users.name)
		.orderBy(grantApplications.callId, users.name);
	return rows.map((r) => ({ ...r, assigned: num(r.assigned), reviewed: num(r.reviewed), pending: num(r.pending), conflicts: num(r.conflicts) }));
}
