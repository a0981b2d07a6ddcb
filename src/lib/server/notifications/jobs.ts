import type { Db } from '../db/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { sendDigests } from './send-digests.ts';
import { sweepOverdueReports } from './sweep-overdue-reports.ts';

/**
 * Hourly, the daily digests of everyone whose 08:00 has come (a zone's 08:00 falls on some hour
 * or half-hour, so an hourly run reaches every zone that day); daily, overdue-report reminders.
 */
export function registerNotificationJobs(queue: Pick<JobQueue, 'every'>, db: Db): void {
	queue.every('notifications-digests', '5 * * * *', async () => {
		await sendDigests(db);
	});
	queue.every('notifications-overdue-reports', '40 6 * * *', async () => {
		await sweepOverdueReports(db);
	});
}
