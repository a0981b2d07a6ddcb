import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import type { InsightTable } from '../../insight/report-codes.ts';
import { insightQuery } from '../../validation/insight-report.ts';
import { callFigures } from './call-figures.ts';
import { grantsByCurrency } from './grants-by-currency.ts';
import { listImpactAreas } from './list-impact-areas.ts';
import { outcomesByArea } from './outcomes-by-area.ts';
import { canSeeInsight } from './policies.ts';
import { refreshInsightRollups, rollupFreshness } from './refresh-rollups.ts';
import { reportFigures } from './report-snapshot.ts';
import { listReportProgrammes } from './report-programmes.ts';
import { reviewerWorkload } from './reviewer-workload.ts';
import { supportDelivered } from './support-delivered.ts';
import { trainingReach } from './training-reach.ts';

const none = async <T>(empty: T) => empty;
const NO_SUPPORT = { key: '', requests: 0, decisions: 0, invested: 0, grants: 0, trainings: 0, registrations: 0, attended: 0, strategies: 0, outcomes: 0, achieved: 0 };

/**
 * What /insight shows for one set of filters. The whole report comes from its snapshot (at most
 * five minutes old, or being brought up to date; `asOf` says when it was computed). With `only`,
 * just what that one table needs is computed, now: an export is never older than its click.
 * Staff only.
 */
export async function getInsight(db: DbOrTx, actor: Actor, raw: Record<string, unknown>, only?: InsightTable) {
	ensure(canSeeInsight(actor));
	const query = parseInput(insightQuery, raw);
	const [programmes, areas] = await Promise.all([only ? none([]) : listReportProgrammes(db), !only || only === 'outcomes' ? listImpactAreas(db) : none([])]);
	if (!only) {
		const { figures, computedAt } = await reportFigures(db, query);
		return { query, ...figures, programmes, areas, asOf: computedAt };
	}
	const wants = (...tables: InsightTable[]) => tables.includes(only);
	let rollupsAsOf = wants('calls', 'funnel') ? await rollupFreshness(db) : null;
	if (wants('calls', 'funnel') && !rollupsAsOf) {
		await refreshInsightRollups(db);
		rollupsAsOf = await rollupFreshness(db);
	}
	const [support, grants, outcomes, calls, reviewers, training] = await Promise.all([
		wants('support') ? supportDelivered(db, query) : none({ rows: [], total: NO_SUPPORT }),
		wants('grants') ? grantsByCurrency(db, query) : none({ rows: [], totals: [] }),
		wants('outcomes') ? outcomesByArea(db, query) : none([]),
		wants('calls', 'funnel') ? callFigures(db, query) : none([]),
		wants('reviewers') ? reviewerWorkload(db, query) : none([]),
		wants('training') ? trainingReach(db, query) : none([])
	]);
	return { query, support, grants, outcomes, calls, reviewers, training, rollupsAsOf: rollupsAsOf?.toISOString() ?? null, programmes, areas, asOf: new Date() };
}
export type Insight = Awaited<ReturnType<typeof getInsight>>;
