import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { cronMatches, parseCron, type Cron } from './cron.ts';
import type { JobHandler, JobPayload, JobQueue } from './queue.ts';
import { scheduledJobs } from './schema.ts';

const MAX_ATTEMPTS = 5;

/**
 * The in-process scheduler for embedded PGlite: jobs are rows in `scheduled_jobs`, so a restart
 * loses nothing; a timer polls for due jobs. PGlite is one process with one connection, so
 * there is never a second worker to race with. `runDue(now)` is public so tests drive time.
 */
export class LocalJobQueue implements JobQueue {
	readonly engine = 'local' as const;
	private handlers = new Map<string, JobHandler>();
	private recurring: { name: string; cron: Cron; handler: JobHandler; lastMinute: number }[] = [];
	private timer: ReturnType<typeof setInterval> | undefined;
	private running: Promise<unknown> = Promise.resolve();

	constructor(
		private db: Db,
		private opts: { pollMs?: number; log?: (msg: string) => void } = {}
	) {}

	register(name: string, handler: JobHandler) {
		this.handlers.set(name, handler);
	}

	async schedule(name: string, payload: JobPayload, runAt: Date, opts: { key?: string } = {}) {
		const rows = await this.db
			.insert(scheduledJobs)
			.values({ name, payload, runAt, key: opts.key ?? null })
			.onConflictDoNothing({ target: scheduledJobs.key, where: sql`${scheduledJobs.status} = 'pending'` })
			.returning({ id: scheduledJobs.id });
		return rows.length > 0;
	}

	async cancel(key: string) {
		const rows = await this.db
			.delete(scheduledJobs)
			.where(and(eq(scheduledJobs.key, key), eq(scheduledJobs.status, 'pending')))
			.returning({ id: scheduledJobs.id });
		return rows.length > 0;
	}

	every(name: string, cron: string, handler: JobHandler) {
		this.recurring.push({ name, cron: parseCron(cron), handler, lastMinute: -1 });
	}

	/** Runs every job due at `now` and every recurring job whose minute it is; returns how many ran. */
	async runDue(now = new Date()): Promise<number> {
		let ran = 0;
		const minute = Math.floor(now.getTime() / 60_000);
		for (const r of this.recurring) {
			if (r.lastMinute === minute || !cronMatches(r.cron, now)) continue;
			r.lastMinute = minute;
			await this.guard(r.name, () => r.handler({}));
			ran++;
		}
		const due = await this.db
			.select()
			.from(scheduledJobs)
			.where(and(eq(scheduledJobs.status, 'pending'), lte(scheduledJobs.runAt, now)))
			.orderBy(asc(scheduledJobs.runAt))
			.limit(50);
		for (const job of due) {
			const handler = this.handlers.get(job.name);
			if (!handler) continue;
			const error = await this.guard(job.name, () => handler(job.payload));
			const attempts = job.attempts + 1;
			await this.db
				.update(scheduledJobs)
				.set(
					error
						? attempts >= MAX_ATTEMPTS
							? { status: 'failed', attempts, lastError: error }
							: // A failed job is tried again later, backing off a minute per attempt.
								{ attempts, lastError: error, runAt: new Date(now.getTime() + attempts * 60_000) }
						: { status: 'done', attempts }
				)
				.where(eq(scheduledJobs.id, job.id));
			ran++;
		}
		return ran;
	}

	private async guard(name: string, fn: () => Promise<void>): Promise<string | null> {
		try {
			await fn();
			return null;
		} catch (e) {
			const msg = String((e as Error)?.message ?? e).slice(0, 500);
			(this.opts.log ?? console.error)(`job ${name} failed: ${msg}`);
			return msg;
		}
	}

	async start() {
		if (this.timer) return;
		this.timer = setInterval(() => {
			this.running = this.running.then(() => this.runDue()).catch((e) => (this.opts.log ?? console.error)(`job queue: ${e}`));
		}, this.opts.pollMs ?? 15_000);
		this.timer.unref?.();
	}

	async stop() {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
		await this.running;
	}
}
