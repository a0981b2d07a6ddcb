import { and, eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db, DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { grantReports } from '../grants/schema.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { strategyMonitoring } from '../toolkit/schema.ts';
import { parseInput } from '../validate.ts';
import { SOURCES_FOR } from '../../insight/codes.ts';
import { actualInput, type ActualInput } from '../../validation/insight.ts';
import { findIndicator } from './find-indicator.ts';
import { canReportActual } from './policies.ts';
import { outcomeActuals } from './schema.ts';

/** A named grant report or monitoring entry must belong to the same grant or strategy. */
async function sourceBelongs(tx: DbOrTx, input: ActualInput, subjectId: string) {
	if (!input.sourceId) return true;
	if (input.source === 'grant_report') {
		const [r] = await tx.select({ id: grantReports.id }).from(grantReports).where(and(eq(grantReports.id, input.sourceId), eq(grantReports.awardId, subjectId)));
		return !!r;
	}
	if (input.source === 'monitoring_entry') {
		const [r] = await tx
			.select({ id: strategyMonitoring.id })
			.from(strategyMonitoring)
			.where(and(eq(strategyMonitoring.id, input.sourceId), eq(strategyMonitoring.strategyId, subjectId)));
		return !!r;
	}
	return false;
}

/** The partner (or staff) records a value observed for an indicator, with its evidence. */
export async function reportActual(db: Db, actor: Actor, indicatorId: string, raw: unknown) {
	const input = parseInput(actualInput, raw);
	return db.transaction(async (tx) => {
		const { indicator, subject } = await findIndicator(tx, actor, indicatorId);
		ensure(canReportActual(actor, subject.organisationId));
		if (!SOURCES_FOR[subject.type].includes(input.source) || !(await sourceBelongs(tx, input, subject.id)))
			throw new DomainError('INVALID_INPUT', m.insight_e_source(), { source: [m.insight_e_source()] });
		const [row] = await tx
			.insert(outcomeActuals)
			.values({ ...input, sourceId: input.sourceId || null, indicatorId: indicator.id, reportedBy: actor.kind === 'user' ? actor.userId : null })
			.returning();
		await recordActivity(tx, actor, {
			subjectType: 'outcome_indicator',
			subjectId: indicator.id,
			organisationId: subject.organisationId,
			action: 'outcome_reported',
			changes: { value: { from: null, to: row.value } }
		});
		return row;
	});
}
