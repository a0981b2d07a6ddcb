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
import { listReportProgrammes } from './report-programmes.ts';
import { refreshInsightRollups, rollupFreshness } from './refresh-rollups.ts';
import { reviewerWorkload } from './reviewer-workload.ts';
import { supportDelivered } from './support-delivered.ts';
import { trainingReach } from './training-reach.ts';

const none = async <T>(empty: T) => empty;

/**
 * Everything /insight shows for one set of filters, or with `only` just what one table needs
 * (an export computes its own table, not the whole report). Staff only.
 */
export async function getInsight(db: DbOrTx, actor: Actor, raw: Record<string, unknown>, only?: InsightTable) {
	ensure(canSeeInsight(actor));
	const query = parseInput(insightQuery, raw);
	const wants = (...tables: InsightTable[]) => !only || tables.includes(only);
	// The job keeps the funnel roll-up current; a hub that has never run it builds it once here.
	let rollupsAsOf = wants('calls', 'funnel') ? await rollupFreshness(db) : null;
	if (wants('calls', 'funnel') && !rollupsAsOf) {
		await refreshInsightRollups(db);
		rollupsAsOf = await rollupFreshness(db);
	}
	const [support, grants, outcomes, calls, reviewers, training, programmes, areas] = await Promise.all([
		wants('support') ? supportDelivered(db, query) : none({ rows: [], total: { key: '', requests: 0, decisions: 0, invested: 0, grants: 0, trainings: 0, registrations: 0, attended: 0, strategies: 0, outcomes: 0, achieved: 0 } }),
		wants('grants') ? grantsByCurrency(db, query) : none({ rows: [], totals: [] }),
		wants('outcomes') ? outcomesByArea(db, query) : none([]),
		wants('calls', 'funnel') ? callFigures(db, query) : none([]),
		wants('reviewers') ? reviewerWorkload(db, query) : none([]),
		wants('training') ? trainingReach(db, query) : none([]),
		only ? none([]) : listReportProgrammes(db),
		wants('outcomes') ? listImpactAreas(db) : none([])
	]);
	return { query, support, grants, outcomes, calls, reviewers, training, programmes, areas, rollupsAsOf };
}
export type Insight = Awaited<ReturnType<typeof getInsight>>;
