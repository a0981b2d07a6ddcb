import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { InsightQuery } from '../../validation/insight-report.ts';
import { outcomeActuals, outcomeIndicators, outcomeReviews } from './schema.ts';
import { periodEnd } from './report-scope.ts';

/**
 * Each indicator's current reading within the period: the newest review made in it. A subquery,
 * so that grouped counts of outcomes by status, area or partner are one query over it.
 */
export function latestReviews(db: DbOrTx, q: InsightQuery) {
	return db
		.selectDistinctOn([outcomeIndicators.id], {
			indicatorId: outcomeIndicators.id,
			organisationId: outcomeIndicators.organisationId,
			impactArea: outcomeIndicators.impactArea,
			status: outcomeReviews.status,
			reviewedAt: outcomeReviews.createdAt
		})
		.from(outcomeReviews)
		.innerJoin(outcomeActuals, eq(outcomeActuals.id, outcomeReviews.actualId))
		.innerJoin(outcomeIndicators, eq(outcomeIndicators.id, outcomeActuals.indicatorId))
		.where(and(gte(outcomeReviews.createdAt, new Date(q.from)), lt(outcomeReviews.createdAt, periodEnd(q))))
		.orderBy(outcomeIndicators.id, desc(outcomeReviews.createdAt), desc(outcomeReviews.id))
		.as('latest');
}
