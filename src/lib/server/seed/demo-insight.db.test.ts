import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { grantApplications } from '../grants/schema.ts';
import { outcomeIndicators, outcomeReviews } from '../insight/schema.ts';
import { countryEvidence } from '../country-context/country-evidence.ts';
import { countryDatasetImports } from '../country-context/schema.ts';
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

describe('the demo country context', () => {
	it('keeps two rating editions and shows the newer; Lebanon has a rating but no publication', async () => {
		const imports = await database.db.select().from(countryDatasetImports);
		expect(imports.map((i) => i.kind).sort()).toEqual(['civic_space', 'civic_space', 'open_contracting']);
		const lb = await countryEvidence(database.db, 'LB');
		expect(lb.civic_space).toMatchObject({ rating: 34, sourceDate: '2026-03-01' });
		expect(lb.open_contracting).toBeNull();
		expect((await countryEvidence(database.db, 'SN')).open_contracting?.publications).toHaveLength(1);
	});
});

describe('the demo grant decisions', () => {
	it('take days, one within the 10-day target and one after it, so the timing chart says something', async () => {
		const rows = await database.db.select({ s: grantApplications.submittedAt, d: grantApplications.decidedAt, due: grantApplications.decisionDueAt }).from(grantApplications);
		const decided = rows.filter((r) => r.d && r.s);
		expect(decided.map((r) => Math.round((r.d!.getTime() - r.s!.getTime()) / 86_400_000)).sort((a, b) => a - b)).toEqual([9, 16]);
		expect(decided.map((r) => r.d! <= r.due!).sort()).toEqual([false, true]);
	});
});
