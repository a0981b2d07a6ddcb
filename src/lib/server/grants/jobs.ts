import type { Db } from '../db/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { CALL_SCHEDULE_JOB } from './call-schedule.ts';
import { runCallSchedule } from './run-call-schedule.ts';
import { MESSAGE_JOB, sendMessageBatch, sweepMessages } from './send-message-batch.ts';
import { sweepGrantDeadlines } from './sweep-grant-deadlines.ts';

/**
 * The grants' scheduled work: hourly, the decision-clock alerts and report-due reminders; and each
 * call's own opening and closing, at the minute planned; and messages to applicants, a batch a minute.
 */
export function registerGrantJobs(queue: Pick<JobQueue, 'every' | 'register'>, db: Db): void {
	queue.register(CALL_SCHEDULE_JOB, async (p) => void (await runCallSchedule(db, p)));
	queue.every('grants-sweep-deadlines', '17 * * * *', async () => {
		await sweepGrantDeadlines(db);
	});
	// Messages to applicants: the first batch as soon as it is written, then one batch a minute.
	queue.register(MESSAGE_JOB, async (p) => void (await sendMessageBatch(db, String(p.messageId))));
	queue.every('grants-message-sweep', '* * * * *', async () => {
		await sweepMessages(db);
	});
}
