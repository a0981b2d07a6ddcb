import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { users } from '../identity/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { SOURCES_FOR } from '../../insight/codes.ts';
import { findIndicator } from './find-indicator.ts';
import { listImpactAreas } from './list-impact-areas.ts';
import { canReportActual, canReviewActual } from './policies.ts';
import { outcomeActuals, outcomeReviews } from './schema.ts';

/** One indicator with every value reported against it and every review of each, newest first. */
export async function getIndicator(db: Db, actor: Actor, id: string) {
	const { indicator, subject } = await findIndicator(db, actor, id);
	const actuals = await db
		.select({ actual: outcomeActuals, reportedByName: users.name })
		.from(outcomeActuals)
		.leftJoin(users, eq(users.id, outcomeActuals.reportedBy))
		.where(eq(outcomeActuals.indicatorId, indicator.id))
		.orderBy(desc(outcomeActuals.observedOn), desc(outcomeActuals.createdAt));
	const reviews = actuals.length
		? await db
				.select({ review: outcomeReviews, reviewedByName: users.name })
				.from(outcomeReviews)
				.leftJoin(users, eq(users.id, outcomeReviews.reviewedBy))
				.where(inArray(outcomeReviews.actualId, actuals.map((a) => a.actual.id)))
				.orderBy(asc(outcomeReviews.createdAt))
		: [];
	const area = (await listImpactAreas(db)).find((a) => a.code === indicator.impactArea);
	return {
		indicator,
		area: area ?? { code: indicator.impactArea, name: indicator.impactArea },
		subject,
		sources: SOURCES_FOR[subject.type],
		history: actuals.map((a) => ({
			...a.actual,
			reportedByName: a.reportedByName,
			reviews: reviews.filter((r) => r.review.actualId === a.actual.id).map((r) => ({ ...r.review, reviewedByName: r.reviewedByName }))
		})),
		can: { report: canReportActual(actor, subject.organisationId).allowed, review: canReviewActual(actor).allowed }
	};
}
