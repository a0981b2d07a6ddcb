import { eq } from 'drizzle-orm';
import type { PrivacyContributor } from '../privacy/contributor.ts';
import { engagementAssessments, engagementRequests, engagementScores } from './schema.ts';

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
	async erase() {
		// Nothing to remove: see above.
	}
};
