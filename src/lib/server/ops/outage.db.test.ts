import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openPostgres, type Database } from '../db/client.ts';
import { databaseUnavailableReason } from '../db/unavailable.ts';
import { LocalJobQueue } from '../jobs/local-queue.ts';
import { scheduledJobs } from '../jobs/schema.ts';
import { pauseWhileDown } from '../jobs/start.ts';
import { ChaosProxy } from '../testing/chaos-proxy.ts';
import { DatabaseHealth } from './database-health.ts';

const url = process.env.DATABASE_URL;
const CONNECT_MS = 800;
const STATEMENT_MS = 1_200;
// The longest a request may take to fail while the database is away: waiting for a connection,
// then for an answer, plus a margin for a machine shared with others.
const BOUND_MS = CONNECT_MS + 2 * (STATEMENT_MS + 1_000) + 2_000;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
	const t0 = Date.now();
	try {
		const value = await fn();
		return { ms: Date.now() - t0, value };
	} catch (error) {
		return { ms: Date.now() - t0, error };
	}
}

async function eventually(what: string, fn: () => Promise<boolean>, withinMs = 20_000) {
	const until = Date.now() + withinMs;
	while (Date.now() < until) {
		if (await fn().catch(() => false)) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`not healed within ${withinMs} ms: ${what}`);
}

// PostgreSQL only: the embedded PGlite has no network between the app and its database.
describe.skipIf(!url || !inject('postgresTemplate'))('the database goes away and comes back (PostgreSQL)', () => {
	let proxy: ChaosProxy;
	let database: Database;
	let health: DatabaseHealth;
	let admin: pg.Client;
	let name: string;
	const logs: Record<string, unknown>[] = [];

	const readOne = () => database.db.select({ id: scheduledJobs.id }).from(scheduledJobs).limit(1);
	const write = (n: number) =>
		database.db.transaction(async (tx) => {
			await tx.insert(scheduledJobs).values({ name: 'outage-write', payload: { n }, runAt: new Date('2099-01-01T00:00:00Z') });
			await tx.select({ id: scheduledJobs.id }).from(scheduledJobs).limit(1);
		});
	const expectUnavailableWithinBound = async (work: () => Promise<unknown>) => {
		const r = await timed(work);
		expect(r.error, 'the request should fail while the database is away').toBeDefined();
		expect(databaseUnavailableReason(r.error), String((r.error as Error)?.message)).toBeDefined();
		expect(r.ms).toBeLessThan(BOUND_MS);
	};
	const expectHealsWithoutRestart = async () => {
		await eventually('a read', async () => (await readOne(), true));
		await eventually('the health check', async () => (await health.check()).up);
		await write(Date.now());
	};

	beforeAll(async () => {
		const base = new URL(url!);
		name = `sh_test_${process.ppid}_${randomBytes(4).toString('hex')}`;
		admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
		proxy = new ChaosProxy({ host: base.hostname || '127.0.0.1', port: Number(base.port || 5432) });
		await proxy.listen();
		const viaProxy = new URL(url!);
		viaProxy.hostname = '127.0.0.1';
		viaProxy.port = String(proxy.port);
		viaProxy.pathname = `/${name}`;
		database = openPostgres(viaProxy.toString(), { poolSize: 4, connectTimeoutMs: CONNECT_MS, statementTimeoutMs: STATEMENT_MS });
		health = new DatabaseHealth(database, { probeMs: 200, log: (l) => logs.push(l) });
		await readOne();
	});

	afterAll(async () => {
		health?.stop();
		// Bounded: the database is dropped with FORCE below in any case.
		await Promise.race([database?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
		await proxy?.close();
		await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin?.end();
	});

	it('refused: requests fail fast as unavailable, health says why, and it heals when the database listens again', async () => {
		await proxy.refuse();
		await expectUnavailableWithinBound(readOne);
		await expectUnavailableWithinBound(() => write(1));
		const state = await health.check();
		expect(state.up).toBe(false);
		if (!state.up) expect(state.reason).toBe('refused');
		await proxy.restore();
		await expectHealsWithoutRestart();
		expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['database unavailable', 'database available again']));
	});

	it('black-holed: neither new nor open connections hang past the timeout, and it heals', async () => {
		await readOne(); // an open connection in the pool that is then swallowed
		proxy.mode = 'blackhole';
		await expectUnavailableWithinBound(readOne);
		await expectUnavailableWithinBound(() => write(2));
		const t0 = Date.now();
		const state = await health.check(1_000);
		expect(state.up).toBe(false);
		expect(Date.now() - t0).toBeLessThan(2_500);
		proxy.cutAll();
		await proxy.restore();
		await expectHealsWithoutRestart();
	});

	it('every connection cut while writes are in flight: each write either commits or fails whole, and it heals', async () => {
		// Writes that hold their connection across statements (transactions) are the ones that used
		// to end the process when the connection was cut between two statements.
		const writes = Array.from({ length: 12 }, (_, i) =>
			database.db.transaction(async (tx) => {
				await tx.insert(scheduledJobs).values({ name: 'outage-cut', payload: { i }, runAt: new Date('2099-01-01T00:00:00Z') });
				await new Promise((r) => setTimeout(r, 150));
				await tx.select({ id: scheduledJobs.id }).from(scheduledJobs).limit(1);
			})
		);
		await new Promise((r) => setTimeout(r, 60));
		proxy.cutAll();
		const outcomes = await Promise.allSettled(writes);
		const failed = outcomes.filter((o) => o.status === 'rejected');
		expect(failed.length).toBeGreaterThan(0);
		for (const f of failed) expect(databaseUnavailableReason((f as PromiseRejectedResult).reason)).toBeDefined();
		await expectHealsWithoutRestart();
		// No half-written transaction: the committed ones are there, the cut ones are not.
		const committed = outcomes.filter((o) => o.status === 'fulfilled').length;
		const stored = await database.db.$count(scheduledJobs, eq(scheduledJobs.name, 'outage-cut'));
		expect(stored).toBe(committed);
	});

	it('pg_terminate_backend on every connection: the process lives and the next request is served', async () => {
		await Promise.all([readOne(), readOne(), readOne()]);
		const inFlight = write(3).then(
			() => 'ok',
			(e) => (databaseUnavailableReason(e) ? 'unavailable' : `other: ${e}`)
		);
		const { rowCount } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
		expect(rowCount).toBeGreaterThan(0);
		expect(['ok', 'unavailable']).toContain(await inFlight);
		await expectHealsWithoutRestart();
	});

	it('slow: a statement slower than the timeout fails as unavailable within the bound; fast ones still pass', async () => {
		await expectUnavailableWithinBound(() => database.db.execute(sql`select pg_sleep(5)`));
		proxy.mode = 'slow';
		proxy.slowMs = 3_000; // slower than the statement timeout: the answer never arrives in time
		proxy.cutAll(); // new connections, so that the delay applies from the handshake on
		await expectUnavailableWithinBound(readOne);
		proxy.slowMs = 50; // slow but within the timeout: served
		await eventually('a read on a slow link', async () => (await readOne(), true));
		await proxy.restore();
		await expectHealsWithoutRestart();
	});

	it('jobs pause while the database is away and each due job runs once when it is back', async () => {
		const ran: unknown[] = [];
		const local = new LocalJobQueue(database.db, { log: () => {} });
		const queue = pauseWhileDown(local, health);
		queue.register('outage-job', async (p) => void ran.push(p));
		await queue.schedule('outage-job', { n: 1 }, new Date('2000-01-01T00:00:00Z'), { key: `outage-job-${name}` });
		await proxy.refuse();
		await health.check();
		// While down nothing runs: the due job is not fetched, not started, not given up.
		await expect(local.runDue(new Date())).rejects.toBeDefined();
		expect(ran).toEqual([]);
		await proxy.restore();
		await expectHealsWithoutRestart();
		await local.runDue(new Date());
		await local.runDue(new Date());
		expect(ran).toEqual([{ n: 1 }]);
	});
}, 120_000);
