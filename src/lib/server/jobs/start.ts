import type { Database } from '../db/client.ts';
import { DatabaseUnavailableError } from '../db/unavailable.ts';
import type { DatabaseHealth } from '../ops/database-health.ts';
import { observeJobRun } from '../ops/metrics.ts';
import { LocalJobQueue } from './local-queue.ts';
import { PgBossJobQueue } from './pg-boss-queue.ts';
import type { JobHandler, JobQueue } from './queue.ts';

/**
 * The engine that fits the database: pg-boss on PostgreSQL, the in-process scheduler on PGlite.
 * JOBS=off starts none (jobs are then neither scheduled nor run), for scripts and benchmarks.
 * With a health monitor, jobs pause while the database is away (see `pauseWhileDown`).
 */
export function createJobQueue(
	database: Database,
	cfg: { databaseUrl?: string; dbConnectTimeoutMs?: number },
	health?: DatabaseHealth,
	env = process.env
): JobQueue | undefined {
	if (env.JOBS === 'off') return undefined;
	const pollSeconds = Number(env.JOBS_POLL_SECONDS) > 0 ? Number(env.JOBS_POLL_SECONDS) : 15;
	const queue =
		database.kind === 'postgres' && cfg.databaseUrl
			? new PgBossJobQueue(cfg.databaseUrl, { pollSeconds, connectTimeoutMs: cfg.dbConnectTimeoutMs })
			: new LocalJobQueue(database.db, { pollMs: pollSeconds * 1000 });
	return health ? pauseWhileDown(queue, health) : queue;
}

/**
 * A job does not start while the database is known to be away: it fails at once without running
 * any of its work, and the queue tries it again later with back-off (pg-boss: QUEUE_RETRY, about
 * an hour of outage), so nothing is half-run because of an outage and nothing is dropped.
 * A job that meets the outage itself marks the database down for the requests too.
 */
export function pauseWhileDown(queue: JobQueue, health: DatabaseHealth): JobQueue {
	const gated =
		(name: string, handler: JobHandler): JobHandler =>
		async (payload) => {
			if (!health.current.up) {
				const now = await health.check();
				if (!now.up) {
					observeJobRun(name, false);
					throw new DatabaseUnavailableError(now.reason);
				}
			}
			try {
				await handler(payload);
				observeJobRun(name, true);
			} catch (e) {
				observeJobRun(name, false);
				health.note(e);
				throw e;
			}
		};
	return {
		engine: queue.engine,
		register: (name, handler) => queue.register(name, gated(name, handler)),
		every: (name, cron, handler) => queue.every(name, cron, gated(name, handler)),
		schedule: (...args) => queue.schedule(...args),
		cancel: (key) => queue.cancel(key),
		start: () => queue.start(),
		stop: () => queue.stop()
	};
}
