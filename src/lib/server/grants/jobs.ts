import type { Db } from '../db/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { sweepGrantDeadlines } from './sweep-grant-deadlines.ts';

/** The grants' scheduled work: hourly, the decision-clock alerts and report-due reminders. */
export function registerGrantJobs(queue: Pick<JobQueue, 'every'>, db: Db): void {
	queue.every('grants-sweep-deadlines', '17 * * * *', async () => {
		await sweepGrantDeadlines(db);
	});
}
