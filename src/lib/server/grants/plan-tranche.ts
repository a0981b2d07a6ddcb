import { eq, sum } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { trancheInput } from '../../validation/grants.ts';
import { findAward } from './find-award.ts';
import { canRecordDisbursement } from './policies.ts';
import { grantTranches } from './schema.ts';

/** Finance plans a disbursement; the planned tranches may not add up to more than the award. */
export async function planTranche(db: Db, actor: Actor, awardId: string, raw: unknown) {
	ensure(canRecordDisbursement(actor));
	const input = parseInput(trancheInput, raw);
	return db.transaction(async (tx) => {
		const { award, application } = await findAward(tx, actor, awardId);
		if (award.closedAt) throw new DomainError('INVALID_TRANSITION', m.grant_e_closed());
		const [{ planned }] = await tx.select({ planned: sum(grantTranches.plannedAmount) }).from(grantTranches).where(eq(grantTranches.awardId, award.id));
		if (Number(planned ?? 0) + input.plannedAmount > award.amount)
			throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { plannedAmount: [m.grant_v_over_award({ left: String(award.amount - Number(planned ?? 0)) })] });
		const [tranche] = await tx.insert(grantTranches).values({ awardId: award.id, ...input, recordedBy: actor.kind === 'user' ? actor.userId : null }).returning();
		await recordActivity(tx, actor, {
			subjectType: 'application',
			subjectId: application.id,
			organisationId: application.organisationId,
			action: 'tranche_planned',
			changes: { tranche: { from: null, to: `${input.plannedAmount} ${award.currency} · ${input.plannedDate}` } }
		});
		return tranche;
	});
}
