import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { OUTCOME_STATUSES, type OutcomeStatus } from '../../insight/codes.ts';
import type { InsightQuery } from '../../validation/insight-report.ts';
import { latestReviews } from './latest-reviews.ts';
import { num, partnerFilter } from './report-scope.ts';

export type OutcomeAreaRow = { area: string; total: number } & Record<OutcomeStatus, number>;

/** Outcome indicators by impact area and current status (each indicator's newest review in the period). */
export async function outcomesByArea(db: DbOrTx, q: InsightQuery): Promise<OutcomeAreaRow[]> {
	const latest = latestReviews(db, q);
	const counts = Object.fromEntries(OUTCOME_STATUSES.map((s) => [s, sql`count(*) filter (where ${latest.status} = ${s})`]));
	const rows = await db
		.select({ area: latest.impactArea, total: sql`count(*)`, ...counts })
		.from(latest)
		.innerJoin(organisations, eq(organisations.id, latest.organisationId))
		.where(partnerFilter(q))
		.groupBy(latest.impactArea)
		.orderBy(latest.impactArea);
	return rows.map((r) => {
		const g = r as Record<string, unknown>;
		return { area: r.area, total: num(r.total), ...Object.fromEntries(OUTCOME_STATUSES.map((s) => [s, num(g[s])])) } as OutcomeAreaRow;
	});
}
