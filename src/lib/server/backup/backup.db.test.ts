import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import type { Db } from '../db/types.ts';
import { agreements } from '../directory/schema.ts';
import { attachDocument } from '../directory/attach-document.ts';
import { openDocument } from '../directory/open-document.ts';
import { loadActor } from '../identity/load-actor.ts';
import { users } from '../identity/schema.ts';
import { seedDemoIfEmpty } from '../seed/seed-demo.ts';
import { emptyDatabase, freshDatabase } from '../testing/test-db.ts';
import { databaseFileStore } from '../uploads/db-store.ts';
import { readAll, type FileStore } from '../uploads/file-store.ts';
import { parseS3Url, s3FileStore } from '../uploads/s3-store.ts';
import { ArchiveError } from './archive.ts';
import { backedUpTables, publicTables, rows } from './catalog.ts';
import { restoreBackup, RestoreRefusedError } from './restore-backup.ts';
import { takeBackup } from './take-backup.ts';

const dir = mkdtempSync(join(tmpdir(), 'sh-backup-'));
const secret = 'x'.repeat(43);
let source: Database;
let documentId: string;
let pdf: Uint8Array;
let archive: string;

/** Every table's rows, each as PostgreSQL renders it, sorted: equal means the same data. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
	const out: Record<string, string[]> = {};
	await db.execute(sql`SET TimeZone = 'UTC'`);
	for (const table of await backedUpTables(db)) {
		const found = await rows<{ j: string }>(db, sql`SELECT to_json(t)::text AS j FROM ${sql.raw(`"${table}"`)} t`);
		out[table] = found.map((r) => r.j).sort();
	}
	return out;
}

async function officerIn(db: Db) {
	const [u] = await db.select().from(users).where(eq(users.email, 'officer@demo.supporthub.org'));
	return loadActor(db, u.id, 'session');
}

async function download(db: Db, files: FileStore) {
	const { stored } = await openDocument(db, await officerIn(db), documentId, files);
	return Buffer.from(await readAll(stored));
}

beforeAll(async () => {
	source = await freshDatabase();
	await seedDemoIfEmpty(source.db);
	// A document of a few chunks, so the bytes cross the store's chunk boundaries.
	pdf = new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(600_000), Buffer.from('\n%%EOF\n')]));
	const [agreement] = await source.db.select().from(agreements).limit(1);
	const doc = await attachDocument(source.db, await officerIn(source.db), agreement.id, { name: 'signed-mou.pdf', bytes: pdf }, { files: databaseFileStore(source.db), maxBytes: 10 * 1024 * 1024 });
	documentId = doc.id;
	archive = join(dir, 'hub.tar.gz');
	await takeBackup({ database: source, files: databaseFileStore(source.db), path: archive, authSecret: { value: secret, source: 'data-dir' } });
}, 120_000);

afterAll(async () => {
	await source?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
	it('writes an ordinary tar.gz: a header first, every table, the hub secret, a table of contents last', () => {
		const names = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n');
		expect(names[0]).toBe('backup.json');
		expect(names.at(-1)).toBe('contents.json');
		expect(names).toContain('tables/stored_file_chunks/00001.ndjson');
		expect(names).toContain('secrets/auth-secret');
	});

	it('round-trips the demo data into an empty database: every table row for row, and a downloaded file byte for byte', async () => {
		const target = await emptyDatabase();
		try {
			const summary = await restoreBackup({ database: target, path: archive, filesFor: (db) => databaseFileStore(db) });
			expect(summary.authSecret).toBe(secret);
			expect(summary.rows).toBeGreaterThan(100);
			expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
			expect((await download(target.db, databaseFileStore(target.db))).equals(Buffer.from(pdf))).toBe(true);
			// The restored hub keeps working: sequences and references are back.
			const [agreement] = await target.db.select().from(agreements).limit(1);
			await attachDocument(target.db, await officerIn(target.db), agreement.id, { name: 'after.pdf', bytes: pdf.subarray(0, 2000) }, { files: databaseFileStore(target.db), maxBytes: 1 << 20 });

			const again = await restoreBackup({ database: target, path: archive, filesFor: (db) => databaseFileStore(db) }).catch((e) => e);
			expect(again).toBeInstanceOf(RestoreRefusedError);
			expect(again.message).toMatch(/not empty/);
		} finally {
			await target.close();
		}
	});

	it('restores across engines (into embedded PGlite from whichever engine the backup came from)', async () => {
		if (!process.env.DATABASE_URL) return; // the same engine was covered above
		const target = await emptyDatabase('pglite');
		try {
			await restoreBackup({ database: target, path: archive, filesFor: (db) => databaseFileStore(db) });
			expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
			expect((await download(target.db, databaseFileStore(target.db))).equals(Buffer.from(pdf))).toBe(true);
		} finally {
			await target.close();
		}
	});

	it('refuses a damaged or truncated archive before writing anything', async () => {
		const bytes = readFileSync(archive);
		const truncated = join(dir, 'truncated.tar.gz');
		writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
		const target = await emptyDatabase('pglite');
		try {
			await expect(restoreBackup({ database: target, path: truncated, filesFor: (db) => databaseFileStore(db) })).rejects.toBeInstanceOf(ArchiveError);
			await expect(restoreBackup({ database: target, path: join(dir, 'missing.tar.gz'), filesFor: (db) => databaseFileStore(db) })).rejects.toThrow(/does not exist/);
			expect(await publicTables(target.db)).toEqual([]);
		} finally {
			await target.close();
		}
	});
});

describe('backup and restore with files in an object store', () => {
	const s3dir = mkdtempSync(join(tmpdir(), 'sh-backup-s3-'));
	let server: S3rver;
	let port: number;
	const store = (prefix: string) => s3FileStore(parseS3Url(`s3+http://S3RVER:S3RVER@127.0.0.1:${port}/hub-files/${prefix}?region=eu-west-1`));

	beforeAll(async () => {
		server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3dir, configureBuckets: [{ name: 'hub-files', configs: [] }] });
		({ port } = await server.run());
	});
	afterAll(async () => {
		await server.close();
		rmSync(s3dir, { recursive: true, force: true });
	});

	it('copies the objects into the archive, and a restore without an object store keeps them in the database', async () => {
		const objects = store('before');
		const key = await objects.put(pdf);
		const withObjects = join(dir, 'with-objects.tar.gz');
		const summary = await takeBackup({ database: source, files: objects, path: withObjects, authSecret: { value: secret, source: 'environment' } });
		expect(summary.files).toBe(1);
		expect(execFileSync('tar', ['-tzf', withObjects], { encoding: 'utf8' })).not.toContain('secrets/');
		const target = await emptyDatabase('pglite');
		try {
			const restored = await restoreBackup({ database: target, path: withObjects, filesFor: (db) => databaseFileStore(db) });
			expect(restored.authSecret).toBeUndefined();
			expect(restored.header.secrets.authSecretIncluded).toBe(false);
			const back = await databaseFileStore(target.db).open(key);
			expect(Buffer.from(await readAll(back!)).equals(Buffer.from(pdf))).toBe(true);
		} finally {
			await target.close();
		}
	});

	it('moves files kept in the database into the object store when the restored hub uses one', async () => {
		const target = await emptyDatabase('pglite');
		const objects = store('after');
		try {
			await restoreBackup({ database: target, path: archive, filesFor: () => objects });
			expect((await download(target.db, objects)).equals(Buffer.from(pdf))).toBe(true);
			const [left] = await rows<{ n: number }>(target.db, sql`SELECT count(*)::int AS n FROM stored_file_chunks`);
			expect(left.n).toBe(0);
		} finally {
			await target.close();
		}
	});
});
