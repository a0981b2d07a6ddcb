import { createHash } from 'node:crypto';
import { PgBoss } from 'pg-boss';
import type { JobHandler, JobPayload, JobQueue } from './queue.ts';

/** A job id derived from its key, so that pg-boss itself refuses a second job with the same key. */
export function idForKey(key: string): string {
	const h = createHash('sha1').update('support-hub-job:' + key).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/**
 * Every queue retries with back-off long enough to ride out a database outage of about an hour
 * (30 s, 1 min, 2 min … capped at 15 min): a job that failed because the database was away is not
 * given up after the first minutes of the outage.
 */
export const QUEUE_RETRY = { retryLimit: 10, retryDelay: 30, retryBackoff: true, retryDelayMax: 900 } as const;

/** The queue on PostgreSQL: pg-boss with its own schema (`pgboss`) in the hub's database. */
export class PgBossJobQueue implements JobQueue {
	readonly engine = 'pg-boss' as const;
	private boss: PgBoss;
	private handlers = new Map<string, JobHandler>();
	private recurring = new Map<string, { cron: string; handler: JobHandler }>();
	private started = false;

	constructor(
		connectionString: string,
		private opts: { pollSeconds?: number; connectTimeoutMs?: number; log?: (msg: string) => void } = {}
	) {
		this.boss = new PgBoss({ connectionString, max: 2, connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000 });
		this.boss.on('error', (e: Error) => (opts.log ?? console.error)(`pg-boss: ${e.message}`));
	}

	register(name: string, handler: JobHandler) {
		this.handlers.set(name, handler);
	}

	every(name: string, cron: string, handler: JobHandler) {
		this.recurring.set(name, { cron, handler });
	}

	private async ensureQueue(name: string) {
		await this.boss.createQueue(name, QUEUE_RETRY);
		// Queues made before the retry policy existed take it on too.
		await this.boss.updateQueue(name, QUEUE_RETRY);
	}

	async schedule(name: string, payload: JobPayload, runAt: Date, opts: { key?: string } = {}) {
		await this.boss.createQueue(name, QUEUE_RETRY);
		const id = await this.boss.send(name, payload, { startAfter: runAt, ...(opts.key ? { id: idForKey(opts.key) } : {}) });
		return id !== null;
	}

	async cancel(key: string) {
		const id = idForKey(key);
		let found = false;
		for (const name of this.handlers.keys()) {
			const job = await this.boss.findJobs(name, { id }).then((j) => j[0]);
			if (job && (job.state === 'created' || job.state === 'retry')) {
				// Deleted rather than cancelled: the id (and so the key) may be scheduled again.
				await this.boss.deleteJob(name, id);
				found = true;
			}
		}
		return found;
	}

	async start() {
		if (this.started) return;
		await this.boss.start();
		for (const [name, handler] of this.handlers) {
			await this.ensureQueue(name);
			await this.boss.work<JobPayload>(name, { pollingIntervalSeconds: this.opts.pollSeconds ?? 10 }, async (batch) => {
				for (const job of batch) await handler(job.data ?? {});
			});
		}
		for (const [name, { cron, handler }] of this.recurring) {
			await this.ensureQueue(name);
			await this.boss.schedule(name, cron, {});
			await this.boss.work<JobPayload>(name, async (batch) => {
				for (const job of batch) await handler(job.data ?? {});
			});
		}
		this.started = true;
	}

	async stop() {
		if (!this.started) return;
		this.started = false;
		await this.boss.stop({ graceful: true, timeout: 5000 });
	}
}
