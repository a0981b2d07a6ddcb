import type { Database } from '../db/client.ts';
import { databaseUnavailableReason, type UnavailableReason } from '../db/unavailable.ts';

export type HealthState = { up: true } | { up: false; reason: UnavailableReason; since: Date };

const REASON_TEXT: Record<UnavailableReason, string> = {
	refused: 'the database refused the connection',
	timeout: 'the database did not answer in time',
	terminated: 'the database closed the connection',
	unreachable: 'the database cannot be reached'
};

/** A sentence for operators and load balancers; never includes the host, user or query. */
export const describeReason = (r: UnavailableReason) => REASON_TEXT[r];

/**
 * What the process knows about its database: up, or down since when and why. Requests that meet
 * an unreachable database mark it down; while down, a probe runs every few seconds and marks it
 * up again as soon as it answers, so nothing needs a restart. Jobs wait on it.
 */
export class DatabaseHealth {
	private state: HealthState = { up: true };
	private timer: ReturnType<typeof setInterval> | undefined;
	private listeners = new Set<(s: HealthState) => void>();

	private database: Pick<Database, 'ping'>;
	private opts: { probeMs?: number; log?: (line: Record<string, unknown>) => void };
	constructor(database: Pick<Database, 'ping'>, opts: { probeMs?: number; log?: (line: Record<string, unknown>) => void } = {}) {
		this.database = database;
		this.opts = opts;
	}

	get current(): HealthState {
		return this.state;
	}

	/** Looks at an error a request or job met; marks the database down when it says so. Returns the reason. */
	note(e: unknown): UnavailableReason | undefined {
		const reason = databaseUnavailableReason(e);
		if (reason) this.markDown(reason);
		return reason;
	}

	/** Asks the database now and records the answer. */
	async check(timeoutMs?: number): Promise<HealthState> {
		try {
			await this.database.ping(timeoutMs);
			this.markUp();
		} catch (e) {
			this.markDown(databaseUnavailableReason(e) ?? 'unreachable');
		}
		return this.state;
	}

	onChange(fn: (s: HealthState) => void): () => void {
		this.listeners.add(fn);
		return () => this.listeners.delete(fn);
	}

	private markDown(reason: UnavailableReason) {
		if (!this.state.up) {
			this.state = { ...this.state, reason };
			return;
		}
		this.state = { up: false, reason, since: new Date() };
		this.log({ level: 'warn', msg: 'database unavailable', reason });
		this.emit();
		// Probe while down, so that the state heals even when no request arrives.
		this.timer = setInterval(() => void this.check(), this.opts.probeMs ?? 2_000);
		this.timer.unref?.();
	}

	private markUp() {
		if (this.state.up) return;
		const downMs = Date.now() - this.state.since.getTime();
		this.state = { up: true };
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
		this.log({ level: 'info', msg: 'database available again', downMs });
		this.emit();
	}

	private emit() {
		for (const fn of this.listeners) fn(this.state);
	}

	private log(line: Record<string, unknown>) {
		(this.opts.log ?? ((l) => console.log(JSON.stringify({ time: new Date().toISOString(), ...l }))))(line);
	}

	stop() {
		if (this.timer) clearInterval(this.timer);
		this.timer = undefined;
	}
}
