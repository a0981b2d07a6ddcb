import { inArray, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { EDITABLE } from './save-answers.ts';
import { grantAnswerVersions, grantApplications } from './schema.ts';

/**
 * Earlier versions of a draft's answers serve only to merge two members' saves while it is being
 * written. Once an application is no longer open to its applicants (submitted, decided, withdrawn),
 * they are dropped: the daily retention run keeps no copy of answers longer than a draft needs.
 */
export async function dropSettledAnswerVersions(db: DbOrTx): Promise<number> {
	const gone = await db
		.delete(grantAnswerVersions)
		.where(
			inArray(
				grantAnswerVersions.applicationId,
				db
					.select({ id: grantApplications.id })
					.from(grantApplications)
					.where(notInArray(grantApplications.status, [...EDITABLE]))
			)
		)
		.returning({ id: grantAnswerVersions.applicationId });
	return gone.length;
}
