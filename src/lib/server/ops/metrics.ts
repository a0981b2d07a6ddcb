import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.ts';
import { statementsSent } from '../db/statements-sent.ts';
import type { HealthState } from './database-health.ts';
import type { RequestRecord } from './request-log.ts';

/**
 * Prometheus metrics of one instance (prom-client renders the format). Request counts and
 * durations are this process's; the database-backed gauges (job queue, outbox) are read from the
 * database at each scrape and are the same on every instance.
 */
export type MetricsSources = {
	database: Pick<Database, 'db' | 'kind' | 'poolStats'>;
	health: { readonly current: HealthState };
	jobEngine: 'pg-boss' | 'local' | undefined;
};

let sources: MetricsSources | undefined;
/** Called once the app has started; before that the database-backed gauges are left out. */
export function setMetricsSources(s: MetricsSources | undefined) {
	sources = s;
}

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const requests = new Counter({
	name: 'supporthub_http_requests_total',
	help: 'Requests answered, by method, route pattern and status class.',
	labelNames: ['method', 'route', 'status_class'] as const,
	registers: [registry]
});

const durations = new Histogram({
	name: 'supporthub_http_request_duration_seconds',
	help: 'Time until the response started, by method, route pattern and status class.',
	labelNames: ['method', 'route', 'status_class'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
	registers: [registry]
});

const jobRuns = new Counter({
	name: 'supporthub_job_runs_total',
	help: 'Job runs in this process, by job name and outcome (completed or failed).',
	labelNames: ['name', 'outcome'] as const,
	registers: [registry]
});

type Row = Record<string, unknown>;
async function query(s: MetricsSources, q: ReturnType<typeof sql>): Promise<Row[]> {
	const result = await s.database.db.execute(q);
	return (result as unknown as { rows: Row[] }).rows;
}

new Gauge({
	name: 'supporthub_database_up',
	help: '1 while the database answers, 0 while this instance sees it unreachable.',
	registers: [registry],
	collect() {
		if (sources) this.set(sources.health.current.up ? 1 : 0);
	}
});

new Gauge({
	name: 'supporthub_db_pool_connections',
	help: 'PostgreSQL pool connections of this instance: open (in use or idle) and idle. Absent on embedded PGlite (one connection).',
	labelNames: ['state'] as const,
	registers: [registry],
	collect() {
		this.reset();
		const stats = sources?.database.poolStats();
		if (!stats) return;
		this.set({ state: 'open' }, stats.total);
		this.set({ state: 'idle' }, stats.idle);
	}
});

new Gauge({
	name: 'supporthub_db_pool_waiting_requests',
	help: 'Queries of this instance waiting for a free PostgreSQL pool connection.',
	registers: [registry],
	collect() {
		const stats = sources?.database.poolStats();
		if (stats) this.set(stats.waiting);
		else this.reset();
	}
});

let statementsReported = 0;
new Counter({
	name: 'supporthub_db_statements_total',
	help: 'SQL statements this instance has sent to its database (the hub\'s own, BEGIN and COMMIT included on PostgreSQL).',
	registers: [registry],
	collect() {
		const now = statementsSent();
		this.inc(now - statementsReported);
		statementsReported = now;
	}
});

new Gauge({
	name: 'supporthub_jobs',
	help: 'Jobs in the queue by job name and state (pg-boss states on PostgreSQL; pending, done, failed on the embedded scheduler).',
	labelNames: ['name', 'state'] as const,
	registers: [registry],
	async collect() {
		this.reset();
		const s = sources;
		if (!s?.jobEngine || !s.health.current.up) return;
		try {
			const found =
				s.jobEngine === 'pg-boss'
					? await query(s, sql`SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY 1, 2`)
					: await query(s, sql`SELECT name, status AS state, count(*)::int AS n FROM scheduled_jobs GROUP BY 1, 2`);
			for (const r of found) this.set({ name: String(r.name), state: String(r.state) }, Number(r.n));
		} catch {
			// left out of this scrape; supporthub_database_up tells why
		}
	}
});

new Gauge({
	name: 'supporthub_outbox_messages',
	help: 'Mail in the outbox by delivery status.',
	labelNames: ['status'] as const,
	registers: [registry],
	async collect() {
		this.reset();
		const s = sources;
		if (!s?.health.current.up) return;
		try {
			for (const r of await query(s, sql`SELECT status::text AS status, count(*)::int AS n FROM outbox_messages GROUP BY 1`))
				this.set({ status: String(r.status) }, Number(r.n));
		} catch {
			// left out of this scrape
		}
	}
});

export function observeRequest(r: RequestRecord) {
	const labels = { method: r.method, route: r.route, status_class: `${Math.floor(r.status / 100)}xx` };
	requests.inc(labels);
	durations.observe(labels, r.durationMs / 1000);
}

export function observeJobRun(name: string, ok: boolean) {
	jobRuns.inc({ name, outcome: ok ? 'completed' : 'failed' });
}

const digest = (v: string) => createHash('sha256').update(v).digest();

/**
 * GET /metrics: 404 when no METRICS_TOKEN is configured (the endpoint does not exist), 401 without
 * the right bearer token, otherwise the metrics in Prometheus's text format.
 */
export async function metricsResponse(request: Request, token: string | undefined): Promise<Response> {
	if (!token) return new Response('Not Found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
	const given = request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '';
	// Compared as digests of equal length, in constant time.
	if (!timingSafeEqual(digest(given), digest(token)))
		return new Response('Unauthorized\n', {
			status: 401,
			headers: { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer realm="metrics"', 'Cache-Control': 'no-store' }
		});
	return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } });
}
