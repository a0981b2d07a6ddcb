import { and, eq, isNull } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { tranchePaymentInput } from '../../validation/grants.ts';
import { announce } from '../notifications/announce.ts';
import { findTranche } from './find-award.ts';
import { todayIn } from './find-application.ts';
import { canRecordDisbursement } from './policies.ts';
import { grantTranches } from './schema.ts';

/** Finance records that a tranche was paid: once, not in the future, never more than planned. */
export async function recordPayment(db: Db, actor: Actor, trancheId: string, raw: unknown) {
	ensure(canRecordDisbursement(actor));
	const input = parseInput(tranchePaymentInput, raw);
	return db.transaction(async (tx) => {
		const { tranche, application, award } = await findTranche(tx, actor, trancheId);
		const fields: Record<string, string[]> = {};
		// Finance may sit in any time zone: a date is in the future only once it is tomorrow everywhere.
		if (input.paidDate > todayIn('Etc/GMT-14')) fields.paidDate = [m.grant_v_date_future()];
		if (input.paidAmount > tranche.plannedAmount) fields.paidAmount = [m.v_number_too_big({ max: String(tranche.plannedAmount) })];
		if (Object.keys(fields).length) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), fields);
		const [after] = await tx
			.update(grantTranches)
			.set({ ...input, recordedBy: actor.kind === 'user' ? actor.userId : null })
			.where(and(eq(grantTranches.id, tranche.id), isNull(grantTranches.paidDate)))
			.returning();
		if (!after) throw new DomainError('CONFLICT', m.grant_e_already_paid());
		await recordActivity(tx, actor, {
			subjectType: 'application',
			subjectId: application.id,
			organisationId: application.organisationId,
			action: 'tranche_paid',
			changes: { paid: { from: null, to: `${input.paidAmount} ${award.currency} · ${input.paidDate}` } }
		});
		await announce(tx, { type: 'payment_recorded', applicationId: application.id, organisationId: application.organisationId }, actor.kind === 'user' ? actor.userId : null);
		return after;
	});
}
