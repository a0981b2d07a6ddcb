import { asc, sql, type SQL } from 'drizzle-orm';
import type { OutcomeStatus } from '../../insight/codes.ts';
import type { DbOrTx } from '../db/types.ts';
import { outcomeIndicators } from './schema.ts';

const latestActual = (column: string) =>
	sql.raw(
		`(SELECT a.${column} FROM outcome_actuals a WHERE a.indicator_id = "outcome_indicators"."id" ORDER BY a.observed_on DESC, a.created_at DESC LIMIT 1)`
	);

/**
 * Indicators with their newest reported value and their current status (the newest review of
 * any of their values). Subqueries per indicator: a partner or a subject has a handful.
 */
export function indicatorSummaries(db: DbOrTx, where: SQL) {
	return db
		.select({
			id: outcomeIndicators.id,
			subjectType: outcomeIndicators.subjectType,
			subjectId: outcomeIndicators.subjectId,
			impactArea: outcomeIndicators.impactArea,
			measure: outcomeIndicators.measure,
			unit: outcomeIndicators.unit,
			baseline: outcomeIndicators.baseline,
			target: outcomeIndicators.target,
			targetDate: outcomeIndicators.targetDate,
			evidenceExpected: outcomeIndicators.evidenceExpected,
			latestValue: sql<number | null>`${latestActual('value')}`.mapWith(Number),
			latestObservedOn: sql<string | null>`${latestActual('observed_on')}`,
			status: sql<OutcomeStatus | null>`(SELECT r.status FROM outcome_reviews r JOIN outcome_actuals a ON a.id = r.actual_id WHERE a.indicator_id = "outcome_indicators"."id" ORDER BY r.created_at DESC LIMIT 1)`
		})
		.from(outcomeIndicators)
		.where(where)
		.orderBy(asc(outcomeIndicators.targetDate), asc(outcomeIndicators.createdAt));
}

export type IndicatorSummary = Awaited<ReturnType<typeof indicatorSummaries>>[number];
