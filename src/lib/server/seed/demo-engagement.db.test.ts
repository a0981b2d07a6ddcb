import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { engagementRequests } from '../engagement/schema.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { seedDemo } from './seed-demo.ts';

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
});
afterAll(() => database.close());

it('the demo shows requests in every state, with a consolidated result and a gated sensitive partner', async () => {
	await seedDemo(database.db);
	const rows = await database.db.select().from(engagementRequests);
	expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['draft', 'submitted', 'in_assessment', 'decided']));
	expect(rows.filter((r) => r.band !== null).length).toBeGreaterThanOrEqual(3);
	expect(rows.some((r) => r.gate === 'blocked')).toBe(true);
});
