import type { Db } from '../db/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { InsightQuery } from '../../validation/insight-report.ts';
import { refreshInsightRollups } from './refresh-rollups.ts';
import { dropOldSnapshots, REFRESH_JOB, refreshSnapshot } from './report-snapshot.ts';

/**
 * Every minute the funnel roll-up catches up with what changed and day-old report snapshots go;
 * a report snapshot older than five minutes is recomputed when someone asks for it.
 */
export function registerInsightJobs(queue: Pick<JobQueue, 'every' | 'register'>, db: Db): void {
	queue.every('insight-refresh-rollups', '* * * * *', async () => {
		await refreshInsightRollups(db);
		await dropOldSnapshots(db);
	});
	queue.register(REFRESH_JOB, async (payload) => {
		await refreshSnapshot(db, payload.query as InsightQuery);
	});
}
