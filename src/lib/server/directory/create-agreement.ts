import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { agreementInput } from '../../validation/directory.ts';
import { findVisibleOrganisation } from './find-organisation.ts';
import { canManageAgreements } from './policies.ts';
import { agreements } from './schema.ts';

export async function createAgreement(db: Db, actor: Actor, organisationId: string, raw: unknown) {
	ensure(canManageAgreements(actor));
	const input = parseInput(agreementInput, raw);
	return db.transaction(async (tx) => {
		const org = await findVisibleOrganisation(tx, actor, organisationId);
		const [agreement] = await tx
			.insert(agreements)
			.values({
				...input,
				endDate: input.endDate || null,
				organisationId: org.id,
				createdBy: actor.kind === 'user' ? actor.userId : null
			})
			.returning();
		await recordActivity(tx, actor, {
			subjectType: 'agreement',
			subjectId: agreement.id,
			organisationId: org.id,
			action: 'created',
			changes: { status: { from: null, to: agreement.status } }
		});
		return agreement;
	});
}
