import type { Db } from '../db/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { deliverDue } from './deliver-outbox.ts';

/**
 * Every minute the job queue sweeps the outbox as well: messages are normally sent within seconds
 * by the delivery worker (`OutboxWorker`), and this sweep keeps delivery going under the queue's own
 * pause-while-the-database-is-down rule should that worker be stuck.
 */
export function registerMailJobs(queue: Pick<JobQueue, 'every'>, db: Db): void {
	queue.every('mail-outbox-sweep', '* * * * *', async () => {
		await deliverDue(db);
	});
}
