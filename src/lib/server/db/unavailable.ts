/**
 * Tells a database that cannot be reached (refused, cut, stalled, shutting down, out of
 * connections) from a query that is simply wrong. The first kind is answered with 503 and heals
 * by itself; the second is a bug and stays a 500.
 */

// Network failures of the socket under the pool.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// PostgreSQL SQLSTATEs: connection exceptions (08…), operator intervention (57P01 terminated by an
// administrator, 57P02 crash shutdown, 57P03 cannot connect now), too many connections (53300),
// and a statement cancelled by statement_timeout (57014) — on a stalled server the last one is
// what a request meets.
const SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300', '57014']);

// node-postgres reports its own timeouts and a closed socket only in words.
const MESSAGES = [
	/connection terminated/i,
	/timeout exceeded when trying to connect/i,
	/query read timeout/i,
	/connection error/i,
	/cannot use a pool after calling end/i,
	/the database system is (starting up|shutting down|in recovery mode)/i
];

export type UnavailableReason = 'refused' | 'timeout' | 'terminated' | 'unreachable';

/** The reason the database is unreachable, or undefined when `e` is another kind of error. */
export function databaseUnavailableReason(e: unknown): UnavailableReason | undefined {
	// Drizzle wraps the driver's error in its own (`cause`); walk the chain a few steps.
	let cur: unknown = e;
	for (let depth = 0; cur && depth < 5; depth++) {
		const err = cur as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
		const code = typeof err.code === 'string' ? err.code : '';
		const message = typeof err.message === 'string' ? err.message : '';
		if (code === 'ECONNREFUSED' || code === '57P03' || code === '53300') return 'refused';
		if (code === '57014' || code === 'ETIMEDOUT' || /timeout/i.test(message)) return 'timeout';
		if (code === '57P01' || code === '57P02' || /terminated/i.test(message) || code === 'ECONNRESET') return 'terminated';
		if (NETWORK_CODES.has(code) || SQLSTATES.has(code) || MESSAGES.some((r) => r.test(message))) return 'unreachable';
		// An AggregateError (several addresses refused) carries the individual ones.
		if (Array.isArray(err.errors) && err.errors.length) {
			const inner = databaseUnavailableReason(err.errors[0]);
			if (inner) return inner;
		}
		cur = err.cause;
	}
	return undefined;
}

export const isDatabaseUnavailable = (e: unknown): boolean => databaseUnavailableReason(e) !== undefined;

/** Thrown where the hub itself decides not to touch the database (a job while it is away). */
export class DatabaseUnavailableError extends Error {
	readonly code = '08006';
	readonly reason: UnavailableReason;
	constructor(reason: UnavailableReason) {
		super(`database unavailable (${reason})`);
		this.reason = reason;
	}
}
