import type { Db } from '../db/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { refreshInsightRollups } from './refresh-rollups.ts';

/** Every minute, the reporting roll-ups catch up with what changed. */
export function registerInsightJobs(queue: Pick<JobQueue, 'every'>, db: Db): void {
	queue.every('insight-refresh-rollups', '* * * * *', async () => {
		await refreshInsightRollups(db);
	});
}
