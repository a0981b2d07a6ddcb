import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { money } from '../../grants-labels.ts';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { hasRole, type Actor } from '../identity/actor.ts';
import { parseInput } from '../validate.ts';
import { awardInput } from '../../validation/grants.ts';
import { callBudget } from './call-budget.ts';
import { findApplication } from './find-application.ts';
import { grantAwards, grantCalls, grantReports } from './schema.ts';
import { applyTransitionTx } from './transition-application.ts';
import { transitionNamed } from './workflow.ts';

function addMonths(date: Date, months: number): string {
	const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
	return d.toISOString().slice(0, 10);
}

/**
 * Decides in favour: the application becomes awarded, the award records amount, currency and
 * conditions, and its outcome reports are scheduled. More than the call's maximum is possible
 * only up to an amount the applicant asked for with a justification.
 */
export async function awardGrant(db: Db, actor: Actor, applicationId: string, raw: unknown, now = new Date()) {
	const input = parseInput(awardInput, raw);
	return db.transaction(async (tx) => {
		const row = await findApplication(tx, actor, applicationId);
		const cap = Math.max(row.call.maxAward, row.application.requestedAmount);
		if (input.amount > cap) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { amount: [m.v_number_too_big({ max: String(cap) })] });
		// The call row is locked so two awards at once cannot both fit into the same remainder.
		await tx.select({ id: grantCalls.id }).from(grantCalls).where(eq(grantCalls.id, row.call.id)).for('update');
		const { remaining } = await callBudget(tx, row.call);
		const overBudget = input.amount > remaining;
		if (overBudget && !(input.overrideReason && hasRole(actor, 'admin'))) {
			// The remainder in the call's currency, as the call page shows it, so the officer sees what still fits.
			const refusal = m.builder_e_over_budget({ remaining: money(remaining, row.call.currency, getLocale()) });
			const fields: Record<string, string[]> = { amount: [refusal] };
			if (input.overrideReason) fields.overrideReason = [m.builder_e_override_admin_only()];
			throw new DomainError('INVALID_INPUT', refusal, fields);
		}
		const app = await applyTransitionTx(tx, actor, row, transitionNamed('award')!, input, now);
		const [award] = await tx
			.insert(grantAwards)
			.values({ applicationId: app.id, amount: input.amount, currency: row.call.currency, conditions: input.conditions, awardedAt: now, awardedBy: actor.kind === 'user' ? actor.userId : null })
			.returning();
		if (row.call.reportMonths.length)
			await tx.insert(grantReports).values(row.call.reportMonths.map((months) => ({ awardId: award.id, callId: row.call.id, dueDate: addMonths(now, months) })));
		await recordActivity(tx, actor, {
			subjectType: 'application',
			subjectId: app.id,
			organisationId: app.organisationId,
			action: 'grant_awarded',
			changes: {
				amount: { from: null, to: `${award.amount} ${award.currency}` },
				...(overBudget ? { budgetOverride: { from: remaining, to: input.overrideReason } } : {})
			}
		});
		return award;
	});
}
