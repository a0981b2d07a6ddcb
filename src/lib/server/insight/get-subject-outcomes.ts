import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { findSubject } from './find-subject.ts';
import { indicatorSummaries } from './indicator-summaries.ts';
import { listImpactAreas } from './list-impact-areas.ts';
import { canReportActual, canSetIndicators } from './policies.ts';
import { outcomeIndicators } from './schema.ts';

/** A request's, grant's or strategy's goal and its indicators, with what the viewer may do. */
export async function getSubjectOutcomes(db: Db, actor: Actor, type: string, id: string) {
	const subject = await findSubject(db, actor, type, id);
	const [indicators, areas] = await Promise.all([
		indicatorSummaries(db, and(eq(outcomeIndicators.subjectType, subject.type), eq(outcomeIndicators.subjectId, subject.id))!),
		listImpactAreas(db)
	]);
	return {
		subject,
		indicators,
		areas,
		can: { set: canSetIndicators(actor).allowed && subject.open, report: canReportActual(actor, subject.organisationId).allowed }
	};
}
