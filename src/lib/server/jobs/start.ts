import type { Database } from '../db/client.ts';
import { LocalJobQueue } from './local-queue.ts';
import { PgBossJobQueue } from './pg-boss-queue.ts';
import type { JobQueue } from './queue.ts';

/**
 * The engine that fits the database: pg-boss on PostgreSQL, the in-process scheduler on PGlite.
 * JOBS=off starts none (jobs are then neither scheduled nor run), for scripts and benchmarks.
 */
export function createJobQueue(database: Database, databaseUrl: string | undefined, env = process.env): JobQueue | undefined {
	if (env.JOBS === 'off') return undefined;
	const pollSeconds = Number(env.JOBS_POLL_SECONDS) > 0 ? Number(env.JOBS_POLL_SECONDS) : 15;
	return database.kind === 'postgres' && databaseUrl
		? new PgBossJobQueue(databaseUrl, { pollSeconds })
		: new LocalJobQueue(database.db, { pollMs: pollSeconds * 1000 });
}
