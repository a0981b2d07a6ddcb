import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { insightQuery } from '../../validation/insight-report.ts';
import { callFigures } from './call-figures.ts';
import { grantsByCurrency } from './grants-by-currency.ts';
import { listImpactAreas } from './list-impact-areas.ts';
import { outcomesByArea } from './outcomes-by-area.ts';
import { canSeeInsight } from './policies.ts';
import { listReportProgrammes } from './report-programmes.ts';
import { reviewerWorkload } from './reviewer-workload.ts';
import { supportDelivered } from './support-delivered.ts';
import { trainingReach } from './training-reach.ts';

/** Everything /insight shows for one set of filters. Staff only. */
export async function getInsight(db: DbOrTx, actor: Actor, raw: Record<string, unknown>) {
	ensure(canSeeInsight(actor));
	const query = parseInput(insightQuery, raw);
	const [support, grants, outcomes, calls, reviewers, training, programmes, areas] = await Promise.all([
		supportDelivered(db, query),
		grantsByCurrency(db, query),
		outcomesByArea(db, query),
		callFigures(db, query),
		reviewerWorkload(db, query),
		trainingReach(db, query),
		listReportProgrammes(db),
		listImpactAreas(db)
	]);
	return { query, support, grants, outcomes, calls, reviewers, training, programmes, areas };
}
export type Insight = Awaited<ReturnType<typeof getInsight>>;
