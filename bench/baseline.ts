/**
 * The floor the app is measured against: a bare node:http server that runs the directory's SQL
 * and returns JSON, with no SvelteKit, no session or token lookup, no validation library and no
 * rendering. Runs as its own process (started by run.ts) so it gets a CPU of its own, like the app.
 *
 * Env: BASELINE_PORT, and either BASELINE_DATABASE_URL (PostgreSQL) or BASELINE_PGLITE_DIR
 * (a copy of the app's data dir: PGlite must never share a data dir between processes).
 */
import { createServer } from 'node:http';
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { openPglite } from '#lib/server/db/client.ts';
import { organisations } from '#lib/server/directory/schema.ts';
import { DIRECTORY_COLUMNS, searchCondition } from '#lib/server/directory/list-organisations.ts';
import { ORGANISATION_KINDS } from '#lib/roles.ts';

const PAGE_SIZE = 25;
const qb = new QueryBuilder();

/**
 * The statements listOrganisations issues for a staff reader (who sees everything, so no
 * visibility condition) with the default sort. The search condition is imported rather than
 * copied so that the baseline follows the app when the search changes; drizzle only renders the
 * SQL text here, the driver runs it directly.
 */
function directoryStatements(q: string, kind: string) {
	const conditions: SQL[] = [sql`true`];
	const match = searchCondition(q, 'en');
	if (match) conditions.push(match);
	if (kind) conditions.push(eq(organisations.kind, kind));
	const where = and(...conditions);
	const order = match
		? [sql`ts_rank(${organisations.search}, websearch_to_tsquery('simple', ${q})) DESC`, asc(organisations.name)]
		: [asc(organisations.name)];
	return {
		list: qb
			.select(DIRECTORY_COLUMNS)
			.from(organisations)
			.where(where)
			.orderBy(...order, asc(organisations.id))
			.limit(PAGE_SIZE)
			.offset(0)
			.toSQL(),
		count: qb.select({ total: count() }).from(organisations).where(where).toSQL()
	};
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
		const s = directoryStatements(q, kind);
		const [items, counted] = await Promise.all([
			database.query(s.list.sql, s.list.params),
			database.query(s.count.sql, s.count.params)
		]);
		const body = JSON.stringify({
			items: items.rows,
			// drizzle renders count(*) without an alias; the column name differs by driver.
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
