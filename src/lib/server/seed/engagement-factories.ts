import type { DbOrTx } from '../db/types.ts';
import { currentCriteriaSet } from '../engagement/criteria-set.ts';
import { engagementAssessments, engagementRequests, engagementScores } from '../engagement/schema.ts';
import { ANONYMOUS } from '../identity/actor.ts';

// Factories for engagement requests, shared by the tests, the demo and the bench. They write rows
// directly to set up a world; the use cases are what the tests then exercise.

export type RequestTraits = Partial<typeof engagementRequests.$inferInsert> & { organisationId: string };

export async function makeRequest(db: DbOrTx, t: RequestTraits) {
	const [request] = await db
		.insert(engagementRequests)
		.values({
			kinds: ['funding'],
			goal: 'Publish all road contracts in open data by June 2027, led by the procurement agency',
			problem: 'Road works run late and over budget with no public record.',
			country: 'KE',
			status: 'draft',
			...t
		})
		.returning();
	return request;
}

/**
 * A request under assessment with one assessment per assessor; `levels` gives each assessor's
 * answers (a level per criterion key, null for unknown); with `submitted` they are final.
 */
export async function makeAssessments(
	db: DbOrTx,
	requestId: string,
	assessors: { assessorId: string; levels: Record<string, number | null>; submitted?: boolean }[]
) {
	const set = await currentCriteriaSet(db, ANONYMOUS);
	for (const a of assessors) {
		const [row] = await db
			.insert(engagementAssessments)
			.values({ requestId, assessorId: a.assessorId, criteriaSetId: set.id, submittedAt: a.submitted === false ? null : new Date() })
			.returning();
		const scores = Object.entries(a.levels).map(([criterion, level]) => ({ assessmentId: row.id, criterion, level, note: '' }));
		if (scores.length) await db.insert(engagementScores).values(scores);
	}
	return set;
}
