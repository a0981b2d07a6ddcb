import { eq } from 'drizzle-orm';
import type { PrivacyContributor } from '../privacy/contributor.ts';
import { grantApplications, grantAssignments, grantReviews } from './schema.ts';

/**
 * Applications belong to the applying organisation and reviews to the decision record, so erasure
 * keeps them; they point at the emptied account and so show "Former user" as author. Awards and
 * payments keep no name of their own.
 */
export const grantsPrivacy: PrivacyContributor = {
	key: 'grants',
	async exportData(tx, s) {
		const applications = await tx
			.select({ id: grantApplications.id, title: grantApplications.title, status: grantApplications.status, answers: grantApplications.answers, createdAt: grantApplications.createdAt })
			.from(grantApplications)
			.where(eq(grantApplications.createdBy, s.userId));
		const reviews = await tx
			.select({ applicationId: grantReviews.applicationId, scores: grantReviews.scores, total: grantReviews.total, comment: grantReviews.comment, createdAt: grantReviews.createdAt })
			.from(grantReviews)
			.innerJoin(grantAssignments, eq(grantAssignments.id, grantReviews.assignmentId))
			.where(eq(grantAssignments.reviewerId, s.userId));
		return { applications, reviews };
	},
	async erase() {
		// Nothing to remove: see above.
	}
};
