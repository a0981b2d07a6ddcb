import { eq, or, sql } from 'drizzle-orm';
import { type PrivacyContributor } from '../privacy/contributor.ts';
import { engagementAssessments, engagementRequests, engagementSafetyPlans, engagementScores } from './schema.ts';

/**
 * Requests belong to the partner organisation and assessments to the decision record: both stay,
 * their author shown as "Former user" through the emptied account.
 */
export const engagementPrivacy: PrivacyContributor = {
	key: 'engagement',
	async exportData(tx, s) {
		const requests = await tx
			.select({ id: engagementRequests.id, status: engagementRequests.status, goal: engagementRequests.goal, problem: engagementRequests.problem, country: engagementRequests.country, createdAt: engagementRequests.createdAt })
			.from(engagementRequests)
			.where(eq(engagementRequests.requestedBy, s.userId));
		const scores = await tx
			.select({ requestId: engagementAssessments.requestId, submittedAt: engagementAssessments.submittedAt, criterion: engagementScores.criterion, level: engagementScores.level, confidence: engagementScores.confidence, note: engagementScores.note })
			.from(engagementScores)
			.innerJoin(engagementAssessments, eq(engagementAssessments.id, engagementScores.assessmentId))
			.where(eq(engagementAssessments.assessorId, s.userId));
		return { requests, assessments: scores };
	},
	async erase(tx, s) {
		// Safety plans name, in free text, who is responsible and how the partner is reached: a
		// person's name or address written there is replaced, the plan itself stays.
		await tx
			.update(engagementSafetyPlans)
			.set({
				responsible: sql`replace(replace(${engagementSafetyPlans.responsible}, ${s.name}, '—'), ${s.email}, '')`,
				safeContact: sql`replace(replace(${engagementSafetyPlans.safeContact}, ${s.name}, '—'), ${s.email}, '')`
			})
			.where(
				or(
					sql`strpos(${engagementSafetyPlans.responsible} || ' ' || ${engagementSafetyPlans.safeContact}, ${s.name}) > 0`,
					sql`strpos(${engagementSafetyPlans.responsible} || ' ' || ${engagementSafetyPlans.safeContact}, ${s.email}) > 0`
				)
			);
	}
};
