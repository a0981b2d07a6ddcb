import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { engagementAssessments, engagementRequests } from '../engagement/schema.ts';
import { pick } from '../events/list-terms.ts';
import { grantApplications, grantAssignments, grantCalls, grantReviews } from '../grants/schema.ts';
import type { UserActor } from '../identity/actor.ts';
import { HOME_LIMIT } from './officer-home.ts';
import { labelled, ORGANISATION } from './organisation-columns.ts';

/**
 * An assessor's or reviewer's home (staff or external): what is assigned to them and not yet
 * declared or scored, soonest due first, and what they submitted lately. Only their own
 * assignments are read; a sensitive partner is named only for those entitled to its name.
 */
export async function getReviewerHome(db: DbOrTx, actor: UserActor, locale: string) {
	const me = actor.userId;
	const [reviews, assessments, reviewed, assessed] = await Promise.all([
		db
			.select({ applicationId: grantApplications.id, title: grantApplications.title, status: grantAssignments.status, dueAt: grantApplications.decisionDueAt, callTitle: grantCalls.title, ...ORGANISATION })
			.from(grantAssignments)
			.innerJoin(grantApplications, eq(grantApplications.id, grantAssignments.applicationId))
			.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
			.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
			// Only while the application is still being reviewed: a decided one needs nothing more.
			.where(and(eq(grantAssignments.reviewerId, me), inArray(grantAssignments.status, ['pending', 'clear']), inArray(grantApplications.status, ['screening', 'in_review', 'submitted', 'decision'])))
			.orderBy(sql`${grantApplications.decisionDueAt} ASC NULLS LAST`, grantApplications.id),
		db
			.select({ requestId: engagementRequests.id, goal: engagementRequests.goal, assignedAt: engagementAssessments.createdAt, ...ORGANISATION })
			.from(engagementAssessments)
			.innerJoin(engagementRequests, eq(engagementRequests.id, engagementAssessments.requestId))
			.innerJoin(organisations, eq(organisations.id, engagementRequests.organisationId))
			.where(and(eq(engagementAssessments.assessorId, me), isNull(engagementAssessments.submittedAt), inArray(engagementRequests.status, ['submitted', 'in_assessment'])))
			.orderBy(engagementAssessments.createdAt),
		db
			.select({ applicationId: grantApplications.id, title: grantApplications.title, at: grantReviews.createdAt, ...ORGANISATION })
			.from(grantReviews)
			.innerJoin(grantAssignments, eq(grantAssignments.id, grantReviews.assignmentId))
			.innerJoin(grantApplications, eq(grantApplications.id, grantReviews.applicationId))
			.innerJoin(organisations, eq(organisations.id, grantApplications.organisationId))
			.where(eq(grantAssignments.reviewerId, me))
			.orderBy(desc(grantReviews.createdAt))
			.limit(HOME_LIMIT),
		db
			.select({ requestId: engagementRequests.id, goal: engagementRequests.goal, at: engagementAssessments.submittedAt, ...ORGANISATION })
			.from(engagementAssessments)
			.innerJoin(engagementRequests, eq(engagementRequests.id, engagementAssessments.requestId))
			.innerJoin(organisations, eq(organisations.id, engagementRequests.organisationId))
			.where(and(eq(engagementAssessments.assessorId, me), isNotNull(engagementAssessments.submittedAt)))
			.orderBy(desc(engagementAssessments.submittedAt))
			.limit(HOME_LIMIT)
	]);
	const recent = [
		...reviewed.map((r) => ({ kind: 'application' as const, id: r.applicationId, title: r.title, at: r.at, organisation: labelled(actor, r).organisation })),
		...assessed.map((r) => ({ kind: 'request' as const, id: r.requestId, title: r.goal, at: r.at, organisation: labelled(actor, r).organisation }))
	]
		.sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0))
		.slice(0, HOME_LIMIT);
	return {
		kind: 'reviewer' as const,
		reviews: reviews.map(({ callTitle, ...r }) => ({ ...labelled(actor, r), callTitle: pick(callTitle, locale) })),
		assessments: assessments.map((r) => labelled(actor, r)),
		recent
	};
}
