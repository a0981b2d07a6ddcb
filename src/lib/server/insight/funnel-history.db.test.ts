import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents } from '../activity/schema.ts';
import type { Database } from '../db/client.ts';
import { grantApplications, grantAssignments, grantReviews } from '../grants/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { makeOrganisation, makeUser } from '../seed/factories.ts';
import { makeMiniGrantCall } from '../seed/grants-factories.ts';
import { actorFor } from '../testing/actors.ts';
import { freshDatabase } from '../testing/test-db.ts';
import { exportInsightTable } from './export-insight-table.ts';
import { getInsight } from './get-insight.ts';
import { refreshInsightRollups, rollupFreshness } from './refresh-rollups.ts';
import { reportFigures } from './report-snapshot.ts';
import { insightApplicationSteps } from './schema.ts';

// The funnel counts what each application's history shows, not where it stands now.
let database: Database;
let officer: Actor;
let callId: string;
let orgId: string;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

async function application(status: (typeof grantApplications.$inferInsert)['status'], history: string[]) {
	const [row] = await database.db.insert(grantApplications).values({ callId, organisationId: orgId, status, submittedAt: status === 'draft' ? null : ago(20) }).returning();
	if (history.length)
		await database.db.insert(activityEvents).values(
			history.map((to, i) => ({ subjectType: 'application', subjectId: row.id, organisationId: orgId, action: 'status_changed', changes: { status: { from: i ? history[i - 1] : 'draft', to } }, createdAt: ago(19 - i) }))
		);
	return row;
}

beforeAll(async () => {
	database = await freshDatabase();
	const org = await makeOrganisation(database.db, { name: 'Open Roads Kenya', country: 'KE', region: 'africa' });
	orgId = org.id;
	callId = (await makeMiniGrantCall(database.db)).id;
	officer = await actorFor(database.db, 'programme_officer');
});
afterAll(() => database.close());

describe('the funnel from application history', () => {
	it('a withdrawn application that was screened and reviewed counts at both steps; a draft only as started', async () => {
		const withdrawn = await application('withdrawn', ['submitted', 'screening', 'in_review', 'withdrawn']);
		const reviewer = await makeUser(database.db, { role: 'reviewer' });
		const [as] = await database.db.insert(grantAssignments).values({ applicationId: withdrawn.id, stageIndex: 0, reviewerId: reviewer.id, status: 'reviewed' }).returning();
		await database.db.insert(grantReviews).values({ assignmentId: as.id, applicationId: withdrawn.id, revision: 1, scores: {}, total: 6, percent: 60 });
		await application('more_information', ['submitted', 'screening', 'more_information']);
		await application('draft', []);

		const { calls, rollupsAsOf } = await getInsight(database.db, officer, {});
		expect(Date.parse(rollupsAsOf!)).toBeGreaterThan(0);
		expect(calls[0]).toMatchObject({ started: 3, submitted: 2, screened: 2, reviewed: 1, awardedCount: 0 });
		const [steps] = await database.db.select().from(insightApplicationSteps).where(eq(insightApplicationSteps.applicationId, withdrawn.id));
		expect(steps.screenedAt!.getTime()).toBeCloseTo(ago(18).getTime(), -5);
	});

	it('the job brings later changes in; history missing, the record’s own state counts', async () => {
		const before = await rollupFreshness(database.db);
		// An application from before the history was kept: awarded, with no events at all.
		await application('awarded', []);
		const read = await refreshInsightRollups(database.db);
		expect(read).toBeGreaterThanOrEqual(1);
		expect((await rollupFreshness(database.db))!.getTime()).toBeGreaterThan(before!.getTime());
		const { calls } = await getInsight(database.db, officer, {}, 'funnel');
		expect(calls[0]).toMatchObject({ started: 4, submitted: 3, screened: 3, reviewed: 2, awardedCount: 1 });
	});

	it('exporting the funnel writes the same counts', async () => {
		const file = await exportInsightTable(database.db, officer, { table: 'funnel', format: 'csv' });
		const text = String(file.body);
		expect(text.split('\n')[1]).toMatch(/,4,3,3,2,1\s*$/);
	});
});

describe('the report snapshot', () => {
	it('is served as kept while nothing changes, and computed again after five minutes (in place when no job queue runs)', async () => {
		const first = await getInsight(database.db, officer, {});
		// The awarded application above is in: the roll-up that read it changed the funnel.
		expect(first.calls[0].started).toBe(4);
		const again = await getInsight(database.db, officer, {});
		expect(again.asOf.getTime()).toBe(first.asOf.getTime());
		const { query } = first;
		const later = await reportFigures(database.db, query, new Date(Date.now() + 6 * 60_000));
		expect(later.figures.calls[0].started).toBe(4);
		expect(later.computedAt.getTime()).toBeGreaterThan(first.asOf.getTime());
	});

	it('a new application counts once the roll-up has read it, without waiting five minutes', async () => {
		await getInsight(database.db, officer, {});
		await application('submitted', ['submitted']);
		await refreshInsightRollups(database.db);
		const { calls, asOf } = await getInsight(database.db, officer, {});
		expect(calls[0]).toMatchObject({ started: 5, submitted: 4 });
		// Reading the roll-up again with nothing new keeps the report as it was kept.
		await refreshInsightRollups(database.db);
		expect((await getInsight(database.db, officer, {})).asOf.getTime()).toBe(asOf.getTime());
	});
});
