import type { Db } from '../db/types.ts';
import { sweepGrantDeadlines } from './sweep-grant-deadlines.ts';

export type JobQueue = { every(name: string, cron: string, handler: () => Promise<void>): Promise<void> };

/** The grants' scheduled work: hourly, the decision-clock alerts and report-due reminders. */
export async function registerGrantJobs(queue: JobQueue, db: Db): Promise<void> {
	await queue.every('grants-sweep-deadlines', '17 * * * *', async () => {
		await sweepGrantDeadlines(db);
	});
}
