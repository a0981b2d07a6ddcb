import { describe, expect, it } from 'vitest';
import { flushLog, formatError, formatRequest, logLine, methodLabel, requestIdFor, routeLabel } from './request-log.ts';

describe('request log', () => {
	const record = { requestId: 'b5f0c1de-1111-4222-8333-944455556666', method: 'GET', route: '/events/[id]/registration/[token]', status: 200, durationMs: 12.3 };
	const now = new Date('2026-11-29T10:00:00Z');

	it('writes one JSON line per request with the route pattern, never the address with its token', () => {
		const line = formatRequest('json', record, now)!;
		expect(line).not.toContain('\n');
		expect(JSON.parse(line)).toEqual({ time: '2026-11-29T10:00:00.000Z', level: 'info', msg: 'request', ...record });
		expect(formatRequest('text', record, now)).toBe('2026-11-29T10:00:00.000Z GET /events/[id]/registration/[token] 200 12.3ms id=b5f0c1de-1111-4222-8333-944455556666');
		expect(formatRequest('off', record, now)).toBeUndefined();
	});

	it('keeps a proxy request id that looks like one, and makes a new one otherwise', () => {
		expect(requestIdFor(new Headers({ 'x-request-id': 'lb-7f3a9c21e0' }))).toBe('lb-7f3a9c21e0');
		for (const bad of ['short', 'x'.repeat(200), 'id with spaces', '"},{"level":"error'])
			expect(requestIdFor(new Headers({ 'x-request-id': bad }))).toMatch(/^[0-9a-f-]{36}$/);
		expect(requestIdFor(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
		expect(methodLabel('PROPFIND')).toBe('OTHER');
		expect(routeLabel(null)).toBe('(unmatched)');
	});

	it('logs an error as one JSON line with the request id, without the query parameters a database error carries', () => {
		const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), { code: '23505' });
		const err = new Error('Failed query: insert into "users" ("email") values ($1)\nparams: amara@example.org', { cause });
		const line = formatError(err, { requestId: 'req-12345678', method: 'POST', route: '/sign-up' }, now);
		expect(line).not.toContain('\n');
		expect(line).not.toContain('amara@example.org');
		const parsed = JSON.parse(line);
		expect(parsed).toMatchObject({ level: 'error', requestId: 'req-12345678', route: '/sign-up', error: { name: 'Error', code: '23505' } });
		expect(parsed.error.message).toBe('Failed query: insert into "users" ("email") values ($1)');
		expect(parsed.error.stack).toMatch(/request-log\.test\.ts/);
	});

	it('writes the lines of one turn of the event loop in one write, each on its own line', () => {
		flushLog({ write: () => undefined });
		const writes: string[] = [];
		logLine('{"a":1}');
		logLine('{"b":2}');
		flushLog({ write: (t: string) => writes.push(t) });
		flushLog({ write: (t: string) => writes.push(t) });
		expect(writes).toEqual(['{"a":1}\n{"b":2}\n']);
	});
});
