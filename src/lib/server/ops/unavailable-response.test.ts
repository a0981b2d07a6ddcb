import { describe, expect, it } from 'vitest';
import { databaseUnavailableReason } from '../db/unavailable.ts';
import es from '../../../../messages/es.json' with { type: 'json' };
import fr from '../../../../messages/fr.json' with { type: 'json' };
import { unavailableResponse } from './unavailable-response.ts';

describe('which errors mean the database is unreachable', () => {
	const err = (props: Record<string, unknown>) => Object.assign(new Error(String(props.message ?? 'x')), props);
	it.each([
		[err({ code: 'ECONNREFUSED' }), 'refused'],
		[err({ code: '57P01', message: 'terminating connection due to administrator command' }), 'terminated'],
		[err({ message: 'Connection terminated unexpectedly' }), 'terminated'],
		[err({ message: 'timeout exceeded when trying to connect' }), 'timeout'],
		[err({ code: '57014', message: 'canceling statement due to statement timeout' }), 'timeout'],
		[err({ message: 'Query read timeout' }), 'timeout'],
		[err({ code: '57P03', message: 'the database system is starting up' }), 'refused'],
		// Drizzle wraps the driver's error.
		[err({ message: 'Failed query: select 1', cause: err({ code: 'ECONNREFUSED' }) }), 'refused'],
		[new AggregateError([err({ code: 'ECONNREFUSED' })], ''), 'refused']
	])('%s → %s', (e, reason) => {
		expect(databaseUnavailableReason(e)).toBe(reason);
	});
	it('a wrong query or a broken rule is not an outage', () => {
		expect(databaseUnavailableReason(err({ code: '23505', message: 'duplicate key value violates unique constraint' }))).toBeUndefined();
		expect(databaseUnavailableReason(err({ code: '42P01', message: 'relation "x" does not exist' }))).toBeUndefined();
		expect(databaseUnavailableReason(new TypeError('x is undefined'))).toBeUndefined();
		expect(databaseUnavailableReason(undefined)).toBeUndefined();
	});
});

describe('the answer while the database is away', () => {
	it('the API answers its documented error shape with Retry-After', async () => {
		const r = unavailableResponse(new Request('http://hub.test/api/v1/organisations', { headers: { cookie: 'PARAGLIDE_LOCALE=fr' } }));
		expect(r.status).toBe(503);
		expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(r.headers.get('content-type')).toMatch(/application\/json/);
		expect(await r.json()).toEqual({ error: { code: 'UNAVAILABLE', message: fr.ops_unavailable_api } });
	});
	it('a page answers a short page in the reader language, never cached, links back to itself escaped', async () => {
		const r = unavailableResponse(new Request('http://hub.test/events?q=%3Cscript%3E', { headers: { 'accept-language': 'es-ES,es;q=0.9' } }));
		expect(r.status).toBe(503);
		expect(r.headers.get('cache-control')).toBe('no-store');
		expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
		const html = await r.text();
		expect(html).toContain('<html lang="es">');
		expect(html).toContain(es.ops_unavailable_title);
		expect(html).not.toContain('<script>');
	});
});
