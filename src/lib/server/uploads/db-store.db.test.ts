import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../db/client.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { fileStoreContract } from './contract.ts';
import { databaseFileStore } from './db-store.ts';
import type { FileStore } from './file-store.ts';

let database: Database;
let store: FileStore;
beforeAll(async () => {
	database = await freshDatabase();
	store = databaseFileStore(database.db);
});
afterAll(() => database.close());

// Runs on PGlite, and on PostgreSQL when the suite is given DATABASE_URL (as CI does).
fileStoreContract(process.env.DATABASE_URL ? 'database (PostgreSQL)' : 'database (PGlite)', () => store);
