import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { findVisibleOrganisation } from '../directory/find-organisation.ts';
import { parseInput } from '../validate.ts';
import { clinicRequestInput } from '../../validation/events.ts';
import { announce } from '../notifications/announce.ts';
import { canRequestClinic } from './policies.ts';
import { clinicRequests } from './schema.ts';

/** An organisation's member asks for a clinic on a hard problem; staff schedule it later. */
export async function requestClinic(db: Db, actor: Actor, raw: unknown) {
	const input = parseInput(clinicRequestInput, raw);
	return db.transaction(async (tx) => {
		const org = await findVisibleOrganisation(tx, actor, input.organisationId);
		ensure(canRequestClinic(actor, org.id));
		const [request] = await tx
			.insert(clinicRequests)
			.values({ organisationId: org.id, requestedBy: actor.kind === 'user' ? actor.userId : null, problem: input.problem, language: input.language })
			.returning();
		await recordActivity(tx, actor, { subjectType: 'clinic_request', subjectId: request.id, organisationId: org.id, action: 'created' });
		await announce(tx, { type: 'clinic_requested', clinicRequestId: request.id }, actor.kind === 'user' ? actor.userId : null);
		return request;
	});
}
