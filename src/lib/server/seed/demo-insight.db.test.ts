import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { outcomeIndicators, outcomeReviews } from '../insight/schema.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { seedDemo } from './seed-demo.ts';

let database: Database;
beforeAll(async () => {
	database = await freshDatabase();
	await seedDemo(database.db);
});
afterAll(async () => {
	await database?.close();
});

describe('the demo outcomes', () => {
	it('cover strategies, an invested request and grants, including the sensitive partner, with every kind of reading but one', async () => {
		const subjects = await database.db.selectDistinct({ t: outcomeIndicators.subjectType }).from(outcomeIndicators);
		expect(subjects.map((s) => s.t).sort()).toEqual(['grant', 'request', 'strategy']);
		const statuses = await database.db.selectDistinct({ s: outcomeReviews.status }).from(outcomeReviews);
		expect(statuses.map((s) => s.s).sort()).toEqual(['achieved', 'off_track', 'on_track', 'too_early']);
		const sensitive = await database.db
			.select({ id: outcomeIndicators.id })
			.from(outcomeIndicators)
			.innerJoin(organisations, eq(organisations.id, outcomeIndicators.organisationId))
			.where(eq(organisations.sensitive, true));
		expect(sensitive.length).toBeGreaterThan(0);
	});
});
