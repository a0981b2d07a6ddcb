import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { scheduledJobs } from '../jobs/schema.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { parseExposition } from '../testing/prometheus-text.ts';
import { metricsResponse, observeJobRun, observeRequest, setMetricsSources } from './metrics.ts';

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

	it('counts the statements sent to the database, so that two scrapes tell what a request sent', async () => {
		const sent = async () => parseExposition(await (await get(`Bearer ${TOKEN}`)).text()).get('supporthub_db_statements_total')!.samples[0].value;
		const first = await sent();
		const scrape = (await sent()) - first;
		const before = await sent();
		for (let i = 0; i < 3; i++) await database.db.select().from(scheduledJobs);
		expect((await sent()) - before - scrape).toBe(3);
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
