/**
 * The hub's job queue: one interface, two engines. On PostgreSQL pg-boss runs it
 * (`pg-boss-queue.ts`); on embedded PGlite an in-process scheduler keeps jobs in the
 * `scheduled_jobs` table and polls it (`local-queue.ts`). Capabilities only see this interface.
 */
export type JobPayload = Record<string, unknown>;
export type JobHandler = (payload: JobPayload) => Promise<void>;

export interface JobQueue {
	readonly engine: 'pg-boss' | 'local';
	/** The handler for one-off jobs of this name. Register before `start()`. */
	register(name: string, handler: JobHandler): void;
	/**
	 * Runs `name` with `payload` at `runAt`. With a key, a second schedule with the same key is
	 * ignored while the first is still waiting (returns false), and `cancel(key)` removes it.
	 */
	schedule(name: string, payload: JobPayload, runAt: Date, opts?: { key?: string }): Promise<boolean>;
	/** Removes a waiting job by its key; true if one was waiting. */
	cancel(key: string): Promise<boolean>;
	/** A recurring job on a five-field cron expression (minute hour day month weekday, UTC). */
	every(name: string, cron: string, handler: JobHandler): void;
	start(): Promise<void>;
	stop(): Promise<void>;
}

let current: JobQueue | undefined;
/** The running app's queue; use cases that schedule receive it through `jobs()`. */
export const setJobQueue = (q: JobQueue | undefined) => {
	current = q;
};
/** The queue, or a no-op when none runs (scripts and tests that do not start one). */
export function jobs(): JobQueue | undefined {
	return current;
}
