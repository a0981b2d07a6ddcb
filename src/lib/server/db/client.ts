import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { statementCounter } from './statements-sent.ts';
import * as schema from './schema.ts';
import type { Db } from './types.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
	db: Db;
	kind: DatabaseKind;
	close: () => Promise<void>;
	/**
	 * Applies pending migrations; on PostgreSQL under an advisory lock so that instances starting
	 * together take turns. A restore passes a folder holding only the migrations its backup had.
	 */
	migrate: (folder?: string) => Promise<void>;
	/** Answers when the database does; rejects within `timeoutMs` (default: the connect timeout) when it does not. */
	ping: (timeoutMs?: number) => Promise<void>;
	/** Connections of the PostgreSQL pool; undefined on PGlite (one in-process connection). */
	poolStats: () => PoolStats | undefined;
};

export const migrationsFolder = resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
const MIGRATION_LOCK = 7_402_113;

export type PoolStats = { total: number; idle: number; waiting: number };

export type PostgresOptions = {
	poolSize?: number;
	/** Waiting for a connection (a new one, or a free one from the pool); then the request fails fast. */
	connectTimeoutMs?: number;
	/** statement_timeout on the server; the client gives up a second later if no answer arrives at all. */
	statementTimeoutMs?: number;
	/** Told about every connection-level error (after the pool has discarded the connection). */
	onConnectionError?: (err: Error) => void;
};

/**
 * A connection whose query never got an answer (a black-holed network, a frozen server) is
 * destroyed rather than returned to the pool: its socket would otherwise hold the unanswered
 * query forever and every later query on it would queue behind.
 */
function destroyOnReadTimeout(client: pg.PoolClient) {
	const original = client.query.bind(client) as (...args: unknown[]) => unknown;
	const destroy = (err: unknown) => {
		if (err && /query read timeout/i.test(String((err as Error).message))) {
			(client as unknown as { connection?: { stream?: { destroy: () => void } } }).connection?.stream?.destroy();
		}
	};
	(client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
		const last = args[args.length - 1];
		if (typeof last === 'function') {
			args[args.length - 1] = (err: unknown, res: unknown) => {
				destroy(err);
				(last as (e: unknown, r: unknown) => void)(err, res);
			};
			return original(...args);
		}
		const result = original(...args);
		if (result && typeof (result as Promise<unknown>).then === 'function') (result as Promise<unknown>).catch(destroy);
		return result;
	};
}

/** Rejects after `ms` even when the pool is still waiting for a connection that will not come. */
function withTimeout(work: Promise<unknown>, ms: number): Promise<void> {
	// The late outcome of `work` is swallowed: the caller has already been answered.
	work.catch(() => {});
	return new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(Object.assign(new Error('timeout exceeded when trying to connect'), { code: 'ETIMEDOUT' })), ms);
		work.then(
			() => (clearTimeout(timer), resolve()),
			(e) => (clearTimeout(timer), reject(e))
		);
	});
}

export function openPostgres(url: string, poolSizeOrOptions: number | PostgresOptions = 10): Database {
	const opts: PostgresOptions = typeof poolSizeOrOptions === 'number' ? { poolSize: poolSizeOrOptions } : poolSizeOrOptions;
	const connectTimeoutMs = opts.connectTimeoutMs ?? 5_000;
	const statementTimeoutMs = opts.statementTimeoutMs ?? 30_000;
	const pool = new pg.Pool({
		connectionString: url,
		max: opts.poolSize ?? 10,
		connectionTimeoutMillis: connectTimeoutMs,
		statement_timeout: statementTimeoutMs,
		query_timeout: statementTimeoutMs + 1_000,
		// Dead peers are noticed on idle connections too, not only when a query is sent.
		keepAlive: true,
		keepAliveInitialDelayMillis: 10_000
	});
	// An idle connection that the server drops (a restart, a failover, a terminated backend) must
	// not bring the process down: the pool replaces it on the next query. A backend terminated on
	// purpose (57P01: a shutdown, or a test database being dropped) is expected and not logged.
	const onError = (err: Error) => {
		if ((err as { code?: string }).code !== '57P01') console.error('PostgreSQL connection lost:', err.message);
		opts.onConnectionError?.(err);
	};
	pool.on('error', onError);
	// The pool listens for errors only on idle connections. A connection checked out for a
	// transaction that is cut between two statements would emit 'error' with no listener and end
	// the process, so every connection gets a listener of its own for its whole life.
	pool.on('connect', (client) => {
		client.on('error', () => {});
		destroyOnReadTimeout(client);
	});
	const db = drizzlePg({ client: pool, schema, casing: 'snake_case', logger: statementCounter }) as unknown as Db;
	return {
		db,
		kind: 'postgres',
		close: () => pool.end(),
		ping: (timeoutMs = connectTimeoutMs) =>
			withTimeout(pool.query({ text: 'select 1', query_timeout: timeoutMs } as pg.QueryConfig), timeoutMs),
		poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
		migrate: async (folder = migrationsFolder) => {
			// Migrations run on a connection of their own, without the statement timeout meant for requests.
			const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
			client.on('error', onError);
			await client.connect();
			try {
				await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
				await migratePg(drizzlePg({ client, schema, casing: 'snake_case' }), { migrationsFolder: folder });
			} finally {
				await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
				await client.end().catch(() => {});
			}
		}
	};
}

export function wrapPglite(client: PGlite): Database {
	const db = drizzlePglite({ client, schema, casing: 'snake_case', logger: statementCounter }) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		close: () => client.close(),
		ping: async () => {
			await client.query('select 1');
		},
		poolStats: () => undefined,
		migrate: async (folder = migrationsFolder) => {
			await migratePglite(drizzlePglite({ client, schema, casing: 'snake_case' }), { migrationsFolder: folder });
		}
	};
}

export function openPglite(dataDir: string): Database {
	const dir = join(dataDir, 'pglite');
	mkdirSync(dir, { recursive: true });
	// Refuses at once when another live process has the directory (see data-dir-lock.ts).
	const release = lockDataDir(dir);
	let database: Database;
	try {
		database = wrapPglite(new PGlite(dir));
	} catch (e) {
		release();
		throw e;
	}
	const close = database.close;
	return {
		...database,
		close: async () => {
			try {
				await close();
			} finally {
				release();
			}
		}
	};
}

export function openDatabase(opts: {
	databaseUrl?: string;
	dataDir: string;
	dbPoolSize?: number;
	dbConnectTimeoutMs?: number;
	dbStatementTimeoutMs?: number;
}): Database {
	return opts.databaseUrl
		? openPostgres(opts.databaseUrl, {
				poolSize: opts.dbPoolSize,
				connectTimeoutMs: opts.dbConnectTimeoutMs,
				statementTimeoutMs: opts.dbStatementTimeoutMs
			})
		: openPglite(opts.dataDir);
}
