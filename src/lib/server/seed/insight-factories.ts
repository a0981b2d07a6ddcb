import type { DbOrTx } from '../db/types.ts';
import { grantApplications, grantAwards } from '../grants/schema.ts';
import { outcomeActuals, outcomeIndicators, outcomeReviews } from '../insight/schema.ts';

// Factories for outcome tracking, shared by the tests and the demo. They write rows directly to
// set up a world; the use cases are what the tests then exercise.

/** An awarded grant without walking the whole call workflow: an awarded application and its award. */
export async function makeAwardedGrant(db: DbOrTx, t: { callId: string; organisationId: string; goal?: string; amount?: number; currency?: string }) {
	const goal = t.goal ?? 'The city council publishes every works contract within 30 days of signature';
	const [app] = await db
		.insert(grantApplications)
		.values({ callId: t.callId, organisationId: t.organisationId, status: 'awarded', title: goal, answers: { goal }, revision: 1, submittedAt: new Date(), decidedAt: new Date() })
		.returning();
	const [award] = await db
		.insert(grantAwards)
		.values({ applicationId: app.id, amount: t.amount ?? 4000, currency: t.currency ?? 'USD' })
		.returning();
	return { application: app, award };
}

export type IndicatorTraits = Partial<typeof outcomeIndicators.$inferInsert> & {
	subjectType: 'request' | 'grant' | 'strategy';
	subjectId: string;
	organisationId: string;
};

export async function makeIndicator(db: DbOrTx, t: IndicatorTraits) {
	const [row] = await db
		.insert(outcomeIndicators)
		.values({ impactArea: 'competition', measure: 'Share of tenders with more than one bid', unit: '%', baseline: 20, target: 50, targetDate: '2027-06-30', ...t })
		.returning();
	return row;
}

/** A reported value, reviewed when `status` is given. */
export async function makeActual(
	db: DbOrTx,
	t: Partial<typeof outcomeActuals.$inferInsert> & { indicatorId: string; value: number; status?: (typeof outcomeReviews.$inferInsert)['status']; reviewNote?: string }
) {
	const { status, reviewNote, ...values } = t;
	const [actual] = await db.insert(outcomeActuals).values({ source: 'check_in', observedOn: '2026-06-30', ...values }).returning();
	if (status) await db.insert(outcomeReviews).values({ actualId: actual.id, status, note: reviewNote ?? '' });
	return actual;
}
