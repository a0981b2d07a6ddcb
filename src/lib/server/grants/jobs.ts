import type { Db } from '../db/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { CALL_SCHEDULE_JOB } from './call-schedule.ts';
import { runCallSchedule } from './run-call-schedule.ts';
import { sweepGrantDeadlines } from './sweep-grant-deadlines.ts';

/**
 * The grants' scheduled work: hourly, the decision-clock alerts and report-due reminders; and each
 * call's own opening and closing, at the minute planned.
 */
export function registerGrantJobs(queue: Pick<JobQueue, 'every' | 'register'>, db: Db): void {
	queue.register(CALL_SCHEDULE_JOB, async (p) => void (await runCallSchedule(db, p)));
	queue.every('grants-sweep-deadlines', '17 * * * *', async () => {
		await sweepGrantDeadlines(db);
	});
}
