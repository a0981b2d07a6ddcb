import { and, eq, inArray, sql } from 'drizzle-orm';
import { memberships } from '../directory/schema.ts';
import { answerFileKeys } from './answer-files.ts';
import type { PrivacyContributor } from '../privacy/contributor.ts';
import { grantApplications, grantAssignments, grantReviews } from './schema.ts';

/**
 * Applications belong to the applying organisation and reviews to the decision record, so erasure
 * keeps them (but for drafts only the erased person could reach, below); they point at the emptied account and so show "Former user" as author. Awards and
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
	async erase(tx, s) {
		// The one exception: a draft the person started for an organisation left with no member
		// (they were its only one) was never sent and no one else can reach it. It and the files
		// uploaded into it are theirs alone, so they go; submitted applications stay.
		const drafts = await tx
			.select({ id: grantApplications.id, answers: grantApplications.answers })
			.from(grantApplications)
			.where(
				and(
					eq(grantApplications.createdBy, s.userId),
					eq(grantApplications.status, 'draft'),
					sql`NOT EXISTS (SELECT 1 FROM ${memberships} WHERE ${memberships.organisationId} = ${grantApplications.organisationId})`
				)
			);
		if (!drafts.length) return;
		await tx.delete(grantApplications).where(inArray(grantApplications.id, drafts.map((d) => d.id)));
		const fileKeys = drafts.flatMap((d) => answerFileKeys(d.answers));
		return { fileKeys };
	}
};
