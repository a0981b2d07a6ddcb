import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { actorFor, outcome } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { databaseFileStore } from '../uploads/db-store.ts';
import { storedFiles } from '../uploads/schema.ts';
import { createResource, updateResource } from './save-resource.ts';

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(() => database.close());

const pdf = () => ({ en: { name: 'brief.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n') } });
const item = { type: 'brief', versions: { en: { title: 'Open contracting in cities' } } };
const files = async () => (await database.db.select({ n: count() }).from(storedFiles))[0].n;

describe('library items with a file', () => {
	it('an edit of an item that is not there stores no file; a real edit replaces the old one', async () => {
		const db = database.db;
		const staff = await actorFor(db, 'programme_officer');
		const storage = { files: databaseFileStore(db), maxBytes: 1024 * 1024 };
		const created = await createResource(db, staff, item, pdf(), storage);
		expect(await files()).toBe(1);
		expect(await outcome(() => updateResource(db, staff, randomUUID(), item, pdf(), storage))).toBe('NOT_FOUND');
		expect(await files()).toBe(1);
		await updateResource(db, staff, created.id, { ...item, versions: { en: { title: 'Open contracting in towns' } } }, pdf(), storage);
		expect(await files()).toBe(1);
	});
});
