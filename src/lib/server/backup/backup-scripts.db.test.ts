// The operator's commands themselves, as the README gives them: `npm run backup -- FILE` on a hub's
// database, then `npm run restore -- FILE` into a new, empty one (a new data directory on PGlite,
// a new database on PostgreSQL), and the two compared table by table and file by file.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import type { Db } from '../db/types.ts';
import { makeUser } from '../seed/factories.ts';
import { databaseFileStore } from '../uploads/db-store.ts';
import { readAll } from '../uploads/file-store.ts';
import { backedUpTables, rows } from './catalog.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const pgUrl = process.env.DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'sh-backup-scripts-'));
const archive = join(dir, 'nightly.tar.gz');
const source = { dataDir: join(dir, 'source'), databaseUrl: undefined as string | undefined };
const target = { dataDir: join(dir, 'target'), databaseUrl: undefined as string | undefined };
const dropAfter: string[] = [];
const bytes = new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(300_000)]));
let fileKey = '';

/** Runs an npm script as an operator would, with the hub's settings in the environment. */
function npm(args: string[], where: { dataDir: string; databaseUrl?: string }): Promise<{ code: number | null; out: string }> {
	return new Promise((resolve) => {
		let out = '';
		const child = spawn('npm', ['run', '--silent', ...args], {
			cwd: root,
			env: { ...process.env, DATA_DIR: where.dataDir, DATABASE_URL: where.databaseUrl ?? '', AUTH_SECRET: '', JOBS: 'off' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('exit', (code) => resolve({ code, out }));
	});
}

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
	const c = new pg.Client({ connectionString: pgUrl });
	await c.connect();
	try {
		return await work(c);
	} finally {
		await c.end();
	}
}

async function newPostgresDatabase(template?: string): Promise<string> {
	const name = `sh_test_scripts_${randomBytes(4).toString('hex')}`;
	await admin((c) => c.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`));
	dropAfter.push(name);
	const url = new URL(pgUrl!);
	url.pathname = `/${name}`;
	return url.toString();
}

/** Every table's rows as PostgreSQL renders them, sorted: equal means the same data. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
	const out: Record<string, string[]> = {};
	await db.execute(sql`SET TimeZone = 'UTC'`);
	for (const table of await backedUpTables(db)) {
		const found = await rows<{ j: string }>(db, sql`SELECT to_json(t)::text AS j FROM ${sql.raw(`"${table}"`)} t`);
		out[table] = found.map((r) => r.j).sort();
	}
	return out;
}

async function withDatabase<T>(where: { dataDir: string; databaseUrl?: string }, work: (d: Database) => Promise<T>): Promise<T> {
	const d = openDatabase(where);
	try {
		return await work(d);
	} finally {
		await d.close();
	}
}

beforeAll(async () => {
	if (pgUrl) {
		source.databaseUrl = await newPostgresDatabase(inject('postgresTemplate'));
		target.databaseUrl = await newPostgresDatabase();
	} else {
		// The hub's data directory, as `npm start` leaves it: a migrated database under DATA_DIR/pglite.
		mkdirSync(join(source.dataDir, 'pglite'), { recursive: true });
		const client = new PGlite(join(source.dataDir, 'pglite'), { loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
		await client.close();
	}
	await withDatabase(source, async (d) => {
		await makeUser(d.db, { email: 'kept.by.backup@example.org', name: 'Kept' });
		fileKey = await databaseFileStore(d.db).put(bytes);
	});
}, 120_000);

afterAll(async () => {
	if (pgUrl) await admin(async (c) => { for (const name of dropAfter) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); });
	rmSync(dir, { recursive: true, force: true });
});

describe('npm run backup and npm run restore', () => {
	if (!pgUrl)
		it('on PGlite, a backup while a hub holds the data directory is refused with one clear line', async () => {
			await withDatabase(source, async () => {
				const r = await npm(['backup', '--', archive], source);
				expect(r.code).toBe(1);
				expect(r.out.trim().split('\n')).toEqual([expect.stringMatching(/^Not backed up: the hub \(process \d+\) is running/)]);
			});
			expect(existsSync(archive)).toBe(false);
		}, 60_000);

	it('backs up the hub and restores it into an empty database: the same rows, the same file, the same secret', async () => {
		const backup = await npm(['backup', '--', archive], source);
		expect(backup.out).toMatch(/^Backed up \d+ tables/m);
		expect(backup.code).toBe(0);
		expect(existsSync(archive)).toBe(true);

		const restore = await npm(['restore', '--', archive], target);
		expect(restore.out).toMatch(/^Restored \d+ tables/m);
		expect(restore.code).toBe(0);

		const before = await withDatabase(source, (d) => snapshot(d.db));
		const after = await withDatabase(target, async (d) => {
			const stored = await databaseFileStore(d.db).open(fileKey);
			expect(Buffer.from(await readAll(stored!)).equals(Buffer.from(bytes))).toBe(true);
			return snapshot(d.db);
		});
		expect(after).toEqual(before);
		expect(after.users.some((u) => u.includes('kept.by.backup@example.org'))).toBe(true);
		// The secret the hub generated comes back, so sessions and mailed links keep working.
		expect(readFileSync(join(target.dataDir, 'auth-secret'), 'utf8').trim()).toBe(readFileSync(join(source.dataDir, 'auth-secret'), 'utf8').trim());

		// A second restore into the now-filled database is refused, and changes nothing.
		const again = await npm(['restore', '--', archive], target);
		expect(again.code).toBe(1);
		expect(again.out).toMatch(/^Not restored: .*not empty/m);
	}, 180_000);
});
