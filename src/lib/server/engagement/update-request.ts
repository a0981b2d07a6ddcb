import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { requestPatch } from '../../validation/engagement.ts';
import { findVisibleRequest } from './find-request.ts';
import { canEditRequest } from './policies.ts';
import { engagementRequests } from './schema.ts';
import { editableByRequester } from './workflow.ts';

/** Changes a draft, or a request sent back for more information; once submitted it is fixed. */
export async function updateRequest(db: Db, actor: Actor, id: string, raw: unknown) {
	const input = parseInput(requestPatch, raw);
	return db.transaction(async (tx) => {
		const { request: before } = await findVisibleRequest(tx, actor, id, { lock: true });
		ensure(canEditRequest(actor, before));
		if (!editableByRequester(before.status)) throw new DomainError('INVALID_TRANSITION', m.eng_e_not_editable());
		const changes = diff(before, input);
		if (!Object.keys(changes).length) return before;
		const [after] = await tx.update(engagementRequests).set(input).where(eq(engagementRequests.id, before.id)).returning();
		await recordActivity(tx, actor, { subjectType: 'request', subjectId: before.id, organisationId: before.organisationId, action: 'updated', changes });
		return after;
	});
}
