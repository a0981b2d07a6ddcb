/**
 * The floor the app is measured against: a bare node:http server that runs the directory's SQL
 * and returns JSON, with no SvelteKit, no session or token lookup, no validation library and no
 * rendering. Runs as its own process (started by run.ts) so it gets a CPU of its own, like the app.
 *
 * Env: BASELINE_PORT, and either BASELINE_DATABASE_URL (PostgreSQL) or BASELINE_PGLITE_DIR
 * (a copy of the app's data dir: PGlite must never share a data dir between processes).
 */
import { createServer } from 'node:http';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { openPglite } from '#lib/server/db/client.ts';
import { directoryStatements } from '#lib/server/directory/list-organisations.ts';
import type { Actor } from '#lib/server/identity/actor.ts';
import type { DirectoryQuery } from '#lib/validation/directory.ts';
import { ORGANISATION_KINDS } from '#lib/roles.ts';

const PAGE_SIZE = 25;
const qb = new QueryBuilder();

/**
 * The statements listOrganisations issues for a staff reader with the default sort, rendered by
 * the app's own builder so that the baseline runs exactly the app's SQL; the driver runs it here
 * without Drizzle, SvelteKit, sessions or validation.
 */
const STAFF: Actor = { kind: 'user', userId: 'bench', name: '', email: '', role: 'programme_officer', locale: 'en', timeZone: 'UTC', memberships: new Map(), via: 'token' };
function directorySql(q: string, kind: string) {
	const query = { q, kind, country: '', region: '', sort: '', page: 1, pageSize: PAGE_SIZE } as DirectoryQuery;
	const s = directoryStatements(qb, STAFF, query, 'en');
	return { rows: s.rows.toSQL(), total: s.total.toSQL() };
}

type Query = (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

async function connect(): Promise<{ query: Query; close: () => Promise<void> }> {
	const url = process.env.BASELINE_DATABASE_URL;
	if (url) {
		// Same pool size as the app's openPostgres default, so both can run as many queries at once.
		const pool = new pg.Pool({ connectionString: url, max: 10 });
		return { query: (t, p) => pool.query(t, p), close: () => pool.end() };
	}
	const dir = process.env.BASELINE_PGLITE_DIR;
	if (!dir) throw new Error('Set BASELINE_DATABASE_URL or BASELINE_PGLITE_DIR');
	const database = openPglite(dir);
	const client = (database.db as unknown as { $client: { query: Query } }).$client;
	return { query: (t, p) => client.query(t, p), close: database.close };
}

const database = await connect();
const kinds = new Set<string>(ORGANISATION_KINDS);

const server = createServer(async (req, res) => {
	try {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
		const kindParam = url.searchParams.get('kind') ?? '';
		const kind = kinds.has(kindParam) ? kindParam : '';
		const s = directorySql(q, kind);
		const [rows, counted] = await Promise.all([
			database.query(s.rows.sql, s.rows.params),
			database.query(s.total.sql, s.total.params)
		]);
		const body = JSON.stringify({
			items: rows.rows,
			// The count column has no alias in the rendered SQL; it is the only column.
			total: Number(Object.values(counted.rows[0])[0]),
			page: 1,
			pageSize: PAGE_SIZE
		});
		res.writeHead(200, { 'content-type': 'application/json' }).end(body);
	} catch (error) {
		console.error(error);
		res.writeHead(500).end();
	}
});

server.listen(Number(process.env.BASELINE_PORT), '127.0.0.1');

const stop = () => server.close(() => void database.close().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
