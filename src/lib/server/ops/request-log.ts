import { randomUUID } from 'node:crypto';

/**
 * What the hub says about each request, for operators: one line per request with the route's
 * pattern (never the address itself, which can carry a personal token), the status, the duration
 * and a request id that the response carries as `X-Request-Id`. Nothing about who asked: no
 * address, account, organisation or query string.
 */
export type LogFormat = 'json' | 'text' | 'off';

export type RequestRecord = {
	requestId: string;
	method: string;
	/** The route's pattern, such as `/directory/[id]`; `(unmatched)` for an address no route serves. */
	route: string;
	status: number;
	durationMs: number;
};

/** A proxy's request id is kept when it looks like one (so logs can be followed across both); otherwise a new one. */
const USABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;
export function requestIdFor(headers: Headers): string {
	const given = headers.get('x-request-id');
	return given && USABLE_ID.test(given) ? given : randomUUID();
}

/** Standard method names only; anything else is counted as OTHER (a client could send any word). */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
export const methodLabel = (method: string) => (METHODS.has(method) ? method : 'OTHER');

export const routeLabel = (routeId: string | null | undefined) => routeId ?? '(unmatched)';

export function formatRequest(format: LogFormat, r: RequestRecord, now = new Date()): string | undefined {
	if (format === 'off') return undefined;
	if (format === 'text') return `${now.toISOString()} ${r.method} ${r.route} ${r.status} ${r.durationMs}ms id=${r.requestId}`;
	return JSON.stringify({ time: now.toISOString(), level: 'info', msg: 'request', ...r });
}

let pending: string[] = [];

/** Writes what is waiting in one write (see `logLine`). */
export function flushLog(out: { write(text: string): unknown } = process.stdout) {
	if (!pending.length) return;
	const text = pending.join('\n') + '\n';
	pending = [];
	out.write(text);
}

/**
 * Queues one line for standard output. Lines of the requests answered in the same turn of the
 * event loop go out in one write at its end (under load, one system call instead of one per
 * request); whatever is still waiting when the process exits is written then.
 */
export function logLine(line: string) {
	if (!pending.length) setImmediate(flushLog);
	pending.push(line);
}
process.once('exit', () => flushLog());

/** Drops what a database error message may carry about the data: drizzle appends the query's parameters. */
function scrub(text: string): string {
	return text.split(/\nparams:/)[0].slice(0, 1000);
}

/**
 * An unexpected error as one JSON line, with the request it broke. The message and stack are kept
 * (they are about code), minus query parameters, which can hold personal data.
 */
export function formatError(err: unknown, context: { requestId?: string; method?: string; route?: string } = {}, now = new Date()): string {
	const e = err instanceof Error ? err : new Error(String(err));
	const cause = e.cause instanceof Error ? e.cause : undefined;
	const code = (e as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code;
	// Only the frames: the stack's head repeats the message, parameters included.
	const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
	const stack = frames.length ? frames.join('\n') : undefined;
	return JSON.stringify({
		time: now.toISOString(),
		level: 'error',
		msg: 'unexpected error',
		...context,
		error: {
			name: e.name,
			...(typeof code === 'string' ? { code } : {}),
			message: scrub(e.message),
			...(cause ? { cause: scrub(`${cause.name}: ${cause.message}`) } : {}),
			...(stack ? { stack } : {})
		}
	});
}
