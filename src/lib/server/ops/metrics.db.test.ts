import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { scheduledJobs } from '../jobs/schema.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { metricsResponse, observeJobRun, observeRequest, setMetricsSources } from './metrics.ts';

type Sample = { name: string; labels: Record<string, string>; value: number };
type Family = { type: string; help: string; samples: Sample[] };

/**
 * A strict reading of Prometheus's text format (0.0.4): every line is blank, a HELP, a TYPE or a sample
 * of a declared family, label values are properly quoted and escaped, values are numbers.
 */
function parseExposition(text: string): Map<string, Family> {
	const families = new Map<string, Family>();
	const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
	const LABEL = `([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`;
	const sampleLine = new RegExp(`^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*)?,?\\})? (\\S+)(?: -?\\d+)?$`);
	expect(text.endsWith('\n')).toBe(true);
	for (const line of text.slice(0, -1).split('\n')) {
		let m: RegExpExecArray | null;
		if (line === '') continue; // blank lines are allowed between families
		if ((m = new RegExp(`^# HELP (${NAME}) (.*)$`).exec(line))) {
			expect(families.has(m[1]), `HELP for ${m[1]} given twice`).toBe(false);
			families.set(m[1], { type: '', help: m[2], samples: [] });
		} else if ((m = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`).exec(line))) {
			const f = families.get(m[1]);
			expect(f && f.type === '' && f.samples.length === 0, `TYPE for ${m[1]} out of place`).toBe(true);
			f!.type = m[2];
		} else if ((m = sampleLine.exec(line))) {
			const name = m[1];
			const base = [...families.keys()].find((f) => name === f || (/_(bucket|sum|count)$/.test(name) && name.replace(/_(bucket|sum|count)$/, '') === f));
			expect(base, `sample ${name} of no declared family`).toBeDefined();
			const labels: Record<string, string> = {};
			for (const l of (m[2] ?? '').matchAll(new RegExp(LABEL, 'g'))) labels[l[1]] = l[2];
			// Values as Prometheus reads them (Go's ParseFloat): numbers, NaN and ±Inf in any case.
			const raw = m[m.length - 1];
			expect(/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$|^nan$|^[+-]?inf$/i.test(raw), `bad value in ${line}`).toBe(true);
			const value = /nan/i.test(raw) ? NaN : /inf/i.test(raw) ? (raw.startsWith('-') ? -Infinity : Infinity) : Number(raw);
			families.get(base!)!.samples.push({ name, labels, value });
		} else {
			throw new Error(`not Prometheus text format: ${JSON.stringify(line)}`);
		}
	}
	for (const [name, f] of families) expect(f.type, `${name} has no TYPE`).not.toBe('');
	return families;
}

const TOKEN = 'metrics-token-for-tests-0123456789';
const get = (auth?: string) =>
	metricsResponse(new Request('http://hub.test/metrics', { headers: auth ? { authorization: auth } : {} }), TOKEN);

let database: Database;

beforeAll(async () => {
	database = await freshDatabase();
	await database.db.insert(scheduledJobs).values({ name: 'event-reminder', runAt: new Date(Date.now() + 3_600_000) });
	setMetricsSources({ database, health: { current: { up: true } }, jobEngine: 'local' });
});
afterAll(async () => {
	setMetricsSources(undefined);
	await database.close();
});

describe('/metrics', () => {
	it('does not exist without METRICS_TOKEN, and refuses a missing or wrong token', async () => {
		expect((await metricsResponse(new Request('http://hub.test/metrics', { headers: { authorization: `Bearer ${TOKEN}` } }), undefined)).status).toBe(404);
		const none = await get();
		expect(none.status).toBe(401);
		expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
		expect((await get('Bearer wrong-token')).status).toBe(401);
		expect((await get(`Bearer ${TOKEN}x`)).status).toBe(401);
		expect((await get(`Basic ${btoa(`x:${TOKEN}`)}`)).status).toBe(401);
		expect((await get(`Bearer ${TOKEN}`)).status).toBe(200);
	});

	it('answers the Prometheus text format with requests, latencies, database, queue, outbox and process families', async () => {
		observeRequest({ requestId: 'r1', method: 'GET', route: '/directory/[id]', status: 200, durationMs: 12 });
		observeRequest({ requestId: 'r2', method: 'GET', route: '/directory/[id]', status: 404, durationMs: 3 });
		observeRequest({ requestId: 'r3', method: 'POST', route: '(unmatched)', status: 503, durationMs: 2_400 });
		observeJobRun('event-reminder', false);
		const res = await get(`Bearer ${TOKEN}`);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		const families = parseExposition(await res.text());

		const requests = families.get('supporthub_http_requests_total')!;
		expect(requests.type).toBe('counter');
		expect(requests.samples).toContainEqual({ name: 'supporthub_http_requests_total', labels: { method: 'GET', route: '/directory/[id]', status_class: '4xx' }, value: 1 });
		const latency = families.get('supporthub_http_request_duration_seconds')!;
		expect(latency.type).toBe('histogram');
		const slow = latency.samples.filter((s) => s.labels.status_class === '5xx');
		expect(slow.find((s) => s.name.endsWith('_bucket') && s.labels.le === '2.5')?.value).toBe(1);
		expect(slow.find((s) => s.name.endsWith('_bucket') && s.labels.le === '1')?.value).toBe(0);
		expect(slow.find((s) => s.name.endsWith('_count'))?.value).toBe(1);

		expect(families.get('supporthub_database_up')?.samples[0].value).toBe(1);
		expect(families.get('supporthub_jobs')?.samples).toContainEqual({ name: 'supporthub_jobs', labels: { name: 'event-reminder', state: 'pending' }, value: 1 });
		expect(families.get('supporthub_job_runs_total')?.samples).toContainEqual({ name: 'supporthub_job_runs_total', labels: { name: 'event-reminder', outcome: 'failed' }, value: 1 });
		expect(families.has('supporthub_outbox_messages')).toBe(true);
		expect(families.has('supporthub_db_pool_connections')).toBe(true);
		if (database.kind === 'postgres') expect(families.get('supporthub_db_pool_connections')!.samples.map((s) => s.labels.state).sort()).toEqual(['idle', 'open']);
		for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes'])
			expect(families.has(name), name).toBe(true);
	});

	it('says nothing of the database while it is away, without failing the scrape', async () => {
		setMetricsSources({ database, health: { current: { up: false, reason: 'refused', since: new Date() } }, jobEngine: 'local' });
		try {
			const families = parseExposition(await (await get(`Bearer ${TOKEN}`)).text());
			expect(families.get('supporthub_database_up')?.samples[0].value).toBe(0);
			expect(families.get('supporthub_jobs')?.samples).toEqual([]);
		} finally {
			setMetricsSources({ database, health: { current: { up: true } }, jobEngine: 'local' });
		}
	});
});
