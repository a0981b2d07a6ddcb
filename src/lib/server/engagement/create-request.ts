import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { findVisibleOrganisation } from '../directory/find-organisation.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { requestInput } from '../../validation/engagement.ts';
import { canRequestFor } from './policies.ts';
import { engagementRequests } from './schema.ts';

/** Starts a request as a draft: the requester can come back to it before submitting. */
export async function createRequest(db: Db, actor: Actor, raw: unknown) {
	const input = parseInput(requestInput, raw);
	return db.transaction(async (tx) => {
		const org = await findVisibleOrganisation(tx, actor, input.organisationId);
		ensure(canRequestFor(actor, org.id));
		const [request] = await tx
			.insert(engagementRequests)
			.values({ ...input, organisationId: org.id, status: 'draft', requestedBy: actor.kind === 'user' ? actor.userId : null })
			.returning();
		await recordActivity(tx, actor, {
			subjectType: 'request',
			subjectId: request.id,
			organisationId: org.id,
			action: 'created',
			changes: { status: { from: null, to: 'draft' } }
		});
		return request;
	});
}
