import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { diff, recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { agreementPatch } from '../../validation/directory.ts';
import { getAgreement } from './get-agreement.ts';
import { canManageAgreements } from './policies.ts';
import { agreements } from './schema.ts';

export async function updateAgreement(db: Db, actor: Actor, agreementId: string, raw: unknown) {
	ensure(canManageAgreements(actor));
	const input = parseInput(agreementPatch, raw);
	return db.transaction(async (tx) => {
		const { agreement: before } = await getAgreement(tx, actor, agreementId);
		const values: Partial<typeof agreements.$inferInsert> = { ...input };
		if (input.endDate !== undefined) values.endDate = input.endDate || null;
		const start = values.startDate ?? before.startDate;
		const end = values.endDate === undefined ? before.endDate : values.endDate;
		if (end && end < start)
			throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { endDate: [m.v_end_before_start()] });
		const changes = diff(before, values);
		if (!Object.keys(changes).length) return before;
		const [after] = await tx.update(agreements).set(values).where(eq(agreements.id, before.id)).returning();
		await recordActivity(tx, actor, {
			subjectType: 'agreement',
			subjectId: before.id,
			organisationId: before.organisationId,
			action: changes.status ? 'status_changed' : 'updated',
			changes
		});
		return after;
	});
}
