import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { actorFor } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { users } from './schema.ts';
import { setUserLocale } from './set-user-locale.ts';

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(() => database.close());

it('switching English → Spanish → English within one session leaves the account on English', async () => {
	// The session's actor keeps the language it was loaded with (the session cookie is cached).
	const stale = await actorFor(database.db, 'member');
	await setUserLocale(database.db, stale, 'es');
	await setUserLocale(database.db, stale, 'en');
	const [u] = await database.db.select({ locale: users.locale }).from(users).where(eq(users.id, stale.kind === 'user' ? stale.userId : ''));
	expect(u.locale).toBe('en');
});
