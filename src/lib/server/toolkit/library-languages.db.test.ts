import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import type { Actor } from '../identity/actor.ts';
import { searchHub } from '../search/search-hub.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { databaseFileStore } from '../uploads/db-store.ts';
import { readAll } from '../uploads/file-store.ts';
import { storedFiles } from '../uploads/schema.ts';
import { DomainError } from '../errors.ts';
import { getResource, readResource } from './get-resource.ts';
import { listResources } from './list-resources.ts';
import { openResourceFile } from './open-resource-file.ts';
import { createResource, updateResource } from './save-resource.ts';
import { resources } from './schema.ts';

let database: Database;
let officer: Actor;
let trilingual: string;
let englishOnly: string;

const text = (s: string) => ({ name: 'note.txt', bytes: new TextEncoder().encode(s) });

beforeAll(async () => {
	database = await freshDatabase();
	officer = await actorFor(database.db, 'programme_officer');
	const all = await createResource(database.db, officer, {
		type: 'evidence',
		topics: ['budget'],
		versions: {
			en: { title: 'Savings from open tenders', summary: 'More bidders, lower prices' },
			es: { title: 'Ahorros de las licitaciones abiertas', summary: 'Más oferentes, mejores precios', url: 'https://example.org/es' },
			fr: { title: 'Économies des appels d’offres ouverts', summary: 'Plus de soumissionnaires' }
		}
	});
	trilingual = all.id;
	englishOnly = (await createResource(database.db, officer, { type: 'template', versions: { en: { title: 'Letter to a minister about negotiation' } } })).id;
});
afterAll(() => database?.close());

describe('a library item in several languages', () => {
	it('is one item: a Spanish reader sees the Spanish version, and an English-only item honestly in English', async () => {
		const es = await listResources(database.db, {}, 'es');
		expect(es.total).toBe(2);
		const [first, second] = es.items;
		expect(first).toMatchObject({ id: trilingual, language: 'es', fallback: false, title: 'Ahorros de las licitaciones abiertas', url: 'https://example.org/es', languages: ['en', 'es', 'fr'] });
		expect(second).toMatchObject({ id: englishOnly, language: 'en', fallback: true, title: 'Letter to a minister about negotiation', languages: ['en'] });
		expect(first.versions.fr?.title).toBe('Économies des appels d’offres ouverts');
	});

	it('lists what the reader can read in their language first, and filters by the languages an item has', async () => {
		// The English-only item is newer, yet a French reader sees the French one first.
		expect((await listResources(database.db, {}, 'fr')).items.map((i) => i.id)).toEqual([trilingual, englishOnly]);
		expect((await listResources(database.db, {}, 'en')).items.map((i) => i.id)).toEqual([englishOnly, trilingual]);
		expect((await listResources(database.db, { language: 'fr' }, 'en')).items.map((i) => i.id)).toEqual([trilingual]);
	});

	it('is found by stem in each version’s language, and by the hub search in the reader’s language', async () => {
		expect((await listResources(database.db, { q: 'licitación' }, 'es')).items.map((i) => i.id)).toEqual([trilingual]);
		expect((await listResources(database.db, { q: 'soumissionnaire' }, 'fr')).items.map((i) => i.id)).toEqual([trilingual]);
		const hub = await searchHub(database.db, officer, { q: 'negotiation' }, 'es');
		expect(hub.resources).toEqual([{ id: englishOnly, type: 'template', title: 'Letter to a minister about negotiation', language: 'en' }]);
		expect((await searchHub(database.db, officer, { q: 'ahorros' }, 'fr')).resources.map((r) => [r.title, r.language])).toEqual([['Économies des appels d’offres ouverts', 'fr']]);
	});

	it('a reader may ask for another version; without one the page falls back in order', async () => {
		const r = await getResource(database.db, trilingual);
		expect(readResource(r, 'es')).toMatchObject({ language: 'es', fallback: false });
		expect(readResource(r, 'es', 'fr')).toMatchObject({ language: 'fr', fallback: false });
		const only = await getResource(database.db, englishOnly);
		expect(readResource(only, 'fr', 'es')).toMatchObject({ language: 'en', fallback: true });
	});
});

describe('staff edit the versions', () => {
	it('each version has its own file; removing a version removes its file', async () => {
		const files = databaseFileStore(database.db);
		const before = (await database.db.select().from(storedFiles)).length;
		const item = await createResource(
			database.db,
			officer,
			{ type: 'template', versions: { en: { title: 'Meeting request' }, es: { title: 'Solicitud de reunión' } } },
			{ en: text('Dear minister'), es: text('Estimada ministra') },
			{ files }
		);
		const read = async (lang?: string, locale = 'en') => new TextDecoder().decode(await readAll((await openResourceFile(database.db, files, item.id, locale, lang)).stored));
		expect(await read('es')).toBe('Estimada ministra');
		expect(await read(undefined, 'es')).toBe('Estimada ministra');
		expect(await read(undefined, 'fr')).toBe('Dear minister');
		expect(await outcome(() => openResourceFile(database.db, files, item.id, 'en', 'fr'))).toBe('NOT_FOUND');

		// The English text changes and keeps its file; the Spanish version is emptied and goes, file and all.
		await updateResource(database.db, officer, item.id, { type: 'template', versions: { en: { title: 'Meeting request (revised)' }, es: { title: '' } } }, {}, { files });
		const after = await getResource(database.db, item.id);
		expect(after.languages).toEqual(['en']);
		expect(after.versions.en).toMatchObject({ title: 'Meeting request (revised)', filename: 'note.txt' });
		expect(await read('en')).toBe('Dear minister');
		expect(await outcome(() => openResourceFile(database.db, files, item.id, 'en', 'es'))).toBe('NOT_FOUND');
		expect(await database.db.select().from(storedFiles)).toHaveLength(before + 1);
	});

	it('bad input names its field, and nothing is saved or stored', async () => {
		const files = databaseFileStore(database.db);
		const stored = (await database.db.select().from(storedFiles)).length;
		const count = (await database.db.select().from(resources)).length;
		const fields = async (raw: unknown, f = {}) => {
			const e = await createResource(database.db, officer, raw, f, { files }).catch((x: unknown) => x);
			expect(e).toBeInstanceOf(DomainError);
			return Object.keys((e as DomainError).fields ?? {});
		};
		expect(await fields({ type: 'brief', versions: {} })).toEqual(['versions.en.title']);
		expect(await fields({ type: 'brief', versions: { en: { title: 'Brief' }, es: { summary: 'Sin título' } } })).toEqual(['versions.es.title']);
		expect(await fields({ type: 'brief', versions: { fr: { title: 'Note', url: 'javascript:alert(1)' } } })).toEqual(['versions.fr.url']);
		expect(await fields({ type: 'brief', versions: { en: { title: 'Brief' } } }, { fr: text('orphan') })).toEqual(['versions.fr.title']);
		expect(await database.db.select().from(storedFiles)).toHaveLength(stored);
		expect(await database.db.select().from(resources)).toHaveLength(count);
		expect(await outcome(() => updateResource(database.db, officer, trilingual, { type: 'evidence', versions: {} }))).toBe('INVALID_INPUT');
		const [kept] = await database.db.select().from(resources).where(eq(resources.id, trilingual));
		expect([kept.titleEn, kept.titleEs, kept.titleFr].every(Boolean)).toBe(true);
	});
});
