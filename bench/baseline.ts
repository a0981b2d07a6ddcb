/**
 * The floor the app is measured against: a bare node:http server that runs a scenario's SQL and
 * returns JSON, with no SvelteKit, no session or token lookup, no validation library and no
 * rendering. Runs as its own process (started by run.ts) so it gets a CPU of its own, like the app.
 *
 * Env: BASELINE_PORT, BASELINE_SCENARIO, and either BASELINE_DATABASE_URL (PostgreSQL) or
 * BASELINE_PGLITE_DIR (a copy of the app's data dir: PGlite never shares a data dir between processes).
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { openPglite } from '#lib/server/db/client.ts';
import type { Query } from './scenario.ts';
import { SCENARIOS } from './scenarios/index.ts';

async function connect(): Promise<{ query: Query; close: () => Promise<void> }> {
	const url = process.env.BASELINE_DATABASE_URL;
	if (url) {
		// Same pool size as the app's openPostgres default, so both can run as many queries at once.
		const pool = new pg.Pool({ connectionString: url, max: 10 });
		return { query: (t, p, o) => (o?.rowMode === 'array' ? (pool.query({ text: t, values: p, rowMode: 'array' }) as unknown as ReturnType<Query>) : pool.query(t, p)), close: () => pool.end() };
	}
	const dir = process.env.BASELINE_PGLITE_DIR;
	if (!dir) throw new Error('Set BASELINE_DATABASE_URL or BASELINE_PGLITE_DIR');
	const database = openPglite(dir);
	const client = (database.db as unknown as { $client: { query: Query } }).$client;
	return { query: (t, p, o) => client.query(t, p, o), close: database.close };
}

const scenario = SCENARIOS.find((s) => s.name === process.env.BASELINE_SCENARIO);
if (!scenario) throw new Error(`Unknown BASELINE_SCENARIO ${process.env.BASELINE_SCENARIO}`);
const database = await connect();

const server = createServer(async (req, res) => {
	try {
		const body = JSON.stringify(await scenario.baseline.handle(database.query, new URL(req.url ?? '/', 'http://localhost')));
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
