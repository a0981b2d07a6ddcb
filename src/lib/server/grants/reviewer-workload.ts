import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { parseInput } from '../validate.ts';
import { workloadQuery } from '../../validation/grants-volume.ts';
import { grantApplications, grantAssignments } from './schema.ts';
import { canRunCallsAtVolume } from './volume-policies.ts';

/** A review not given this many days after the assignment, on an application still under review, is overdue. */
export const REVIEW_DUE_DAYS = 14;

export type Workload = { id: string; name: string; role: string; assigned: number; open: number; declared: number; reviewed: number; overdue: number };

/**
 * Per reviewer: how many assignments they hold, how many are still to do, how many they handed
 * back for a conflict of interest, how many they reviewed and how many are overdue, so an officer
 * balances the next assignments. Everyone who may review is listed, with nothing assigned too.
 */
export async function reviewerWorkload(db: DbOrTx, actor: Actor, raw: unknown = {}, now = new Date()): Promise<{ call: string; rows: Workload[]; dueDays: number }> {
	ensure(canRunCallsAtVolume(actor));
	const q = parseInput(workloadQuery, raw);
	const onCall: SQL = q.call ? eq(grantApplications.callId, q.call) : sql`true`;
	const open = sql`${grantAssignments.status} IN ('pending', 'clear') AND ${grantApplications.status} IN ('screening', 'in_review')`;
	const dueBefore = new Date(now.getTime() - REVIEW_DUE_DAYS * 86_400_000);
	const counts = await db
		.select({
			reviewerId: grantAssignments.reviewerId,
			assigned: sql<number>`count(*)::int`,
			open: sql<number>`count(*) FILTER (WHERE ${open})::int`,
			declared: sql<number>`count(*) FILTER (WHERE ${grantAssignments.status} = 'conflict')::int`,
			reviewed: sql<number>`count(*) FILTER (WHERE ${grantAssignments.status} = 'reviewed')::int`,
			overdue: sql<number>`count(*) FILTER (WHERE ${open} AND ${grantAssignments.createdAt} < ${dueBefore})::int`
		})
		.from(grantAssignments)
		.innerJoin(grantApplications, eq(grantApplications.id, grantAssignments.applicationId))
		.where(onCall)
		.groupBy(grantAssignments.reviewerId);
	const byId = new Map(counts.map((c) => [c.reviewerId, c]));
	const people = await db
		.select({ id: users.id, name: users.name, role: users.role })
		.from(users)
		.where(and(isNull(users.erasedAt), or(inArray(users.role, ['reviewer', 'external_reviewer']), counts.length ? inArray(users.id, [...byId.keys()]) : sql`false`)))
		.orderBy(asc(users.name), asc(users.id));
	const zero = { assigned: 0, open: 0, declared: 0, reviewed: 0, overdue: 0 };
	return {
		call: q.call,
		dueDays: REVIEW_DUE_DAYS,
		rows: people.map((p) => {
			const c = byId.get(p.id);
			return { ...p, ...(c ? { assigned: c.assigned, open: c.open, declared: c.declared, reviewed: c.reviewed, overdue: c.overdue } : zero) };
		})
	};
}
