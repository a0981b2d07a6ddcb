import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { grantApplications, grantAwards, grantCalls, grantProgrammes } from '../grants/schema.ts';
import type { InsightQuery } from '../../validation/insight-report.ts';
import { groupKey, inPeriod, partnerFilter } from './report-scope.ts';

export type AwardGroup = { key: string; total: boolean; currency: string; grants: unknown; awarded: unknown };

/**
 * Grants awarded in the period (counted when awarded) per group and currency, plus a totals row
 * per currency. One grouped pass over the awards that both "grants by currency" and the grant
 * counts of "support delivered" read: over a large portfolio each pass costs a scan of the
 * applications, so the report pays for it once.
 */
export async function awardsByGroup(db: DbOrTx, q: InsightQuery): Promise<AwardGroup[]> {
	const key = groupKey(q.by, grantAwards.awardedAt);
	const grouping: SQL = sql`grouping sets ((${key}, ${grantAwards.currency}), (${grantAwards.currency}))`;
	// Awaited here: a query builder runs again each time it is awaited, and two figures await this one.
	return await db
		.select({ key, total: sql<boolean>`grouping(${key}) = 1`, currency: grantAwards.currency, grants: sql`count(*)`, awarded: sql`sum(${grantAwards.amount})` })
		.from(grantAwards)
		.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
		.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
		.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
		.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
		.where(and(inPeriod(grantAwards.awardedAt, q), q.programme ? eq(grantProgrammes.slug, q.programme) : undefined, partnerFilter(q)))
		.groupBy(grouping);
}
