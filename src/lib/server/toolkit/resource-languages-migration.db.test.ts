import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder, type Database } from '../db/client.ts';
import { emptyDatabase } from '../testing/test-db.ts';
import { getResource } from './get-resource.ts';
import { listResources } from './list-resources.ts';
import { resources } from './schema.ts';

type Journal = { entries: { tag: string }[] };
const FIRST = '0025_resource-language-versions';
const dirs: string[] = [];

/** A migrations folder holding only the migrations before the library's language versions. */
function migrationsBefore(tag: string) {
	const dir = mkdtempSync(join(tmpdir(), 'sh-migrations-'));
	dirs.push(dir);
	mkdirSync(join(dir, 'meta'));
	const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;
	journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag));
	writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
	for (const e of journal.entries) copyFileSync(join(migrationsFolder, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
	return dir;
}

let database: Database | undefined;
afterAll(async () => {
	await database?.close();
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('migrating the library to language versions', () => {
	it('turns each single-language item into an item with that one version, text, link and file kept', async () => {
		database = await emptyDatabase();
		await database.migrate(migrationsBefore(FIRST));
		await database.db.execute(sql`
			INSERT INTO resources (id, type, title, summary, body, language, topics, url, filename, content_type, size_bytes, storage_key) VALUES
			('00000000-0000-4000-8000-000000000001', 'brief', 'Brief on savings', 'Prices fell', 'Long text', 'en', '{budget}', 'https://example.org/en', NULL, NULL, NULL, NULL),
			('00000000-0000-4000-8000-000000000002', 'template', 'Plantilla de carta', 'Una carta', '', 'es', '{}', NULL, 'carta.pdf', 'application/pdf', 1234, 'key-es'),
			('00000000-0000-4000-8000-000000000003', 'evidence', 'Preuves sur les coûts', '', 'Texte', 'fr', '{}', NULL, NULL, NULL, NULL, NULL)`);
		await database.migrate();

		expect(await database.db.$count(resources)).toBe(3);
		const en = await getResource(database.db, '00000000-0000-4000-8000-000000000001');
		expect(en.languages).toEqual(['en']);
		expect(en.versions.en).toMatchObject({ title: 'Brief on savings', summary: 'Prices fell', body: 'Long text', url: 'https://example.org/en' });
		expect(en.topics).toEqual(['budget']);
		const es = await getResource(database.db, '00000000-0000-4000-8000-000000000002');
		expect(es.languages).toEqual(['es']);
		expect(es.versions.es).toMatchObject({ title: 'Plantilla de carta', filename: 'carta.pdf', contentType: 'application/pdf', sizeBytes: 1234 });
		const fr = await getResource(database.db, '00000000-0000-4000-8000-000000000003');
		expect(fr.versions.fr).toMatchObject({ title: 'Preuves sur les coûts', body: 'Texte' });
		// The search vector and its index are rebuilt over the versions.
		expect((await listResources(database.db, { q: 'coût' }, 'fr')).items.map((i) => i.id)).toEqual(['00000000-0000-4000-8000-000000000003']);
		const indexes = await database.db.execute(sql`SELECT indexname FROM pg_indexes WHERE tablename = 'resources' AND indexname = 'resources_search_idx'`);
		expect(JSON.stringify(indexes)).toContain('resources_search_idx');
		// It builds a database from nothing, twice: slower than a test that starts from the template.
	}, 120_000);
});
