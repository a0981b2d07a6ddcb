import { and, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Translated } from '../grants/definition.ts';
import { grantApplications, grantAwards, grantCalls, grantProgrammes, grantTranches } from '../grants/schema.ts';
import type { InsightQuery } from '../../validation/insight-report.ts';
import { joinPartnerWhenFiltered, num, numOrNull, partnerFilter, periodEnd } from './report-scope.ts';
import { insightApplicationSteps as steps } from './schema.ts';

export type CallRow = {
	id: string;
	slug: string;
	title: Translated;
	currency: string;
	budget: number;
	awarded: number;
	disbursed: number;
	remaining: number;
	started: number;
	submitted: number;
	screened: number;
	reviewed: number;
	awardedCount: number;
	targetDays: number | null;
	decided: number;
	medianDays: number | null;
	p90Days: number | null;
	/** Decisions with a due date, and how many of them were taken by it. */
	dueDecided: number;
	withinTarget: number;
};

/** Calls of the chosen programme that were open at some point in the period (rolling calls always). */
export function callsInScope(q: InsightQuery): SQL | undefined {
	return and(
		q.programme ? eq(grantProgrammes.slug, q.programme) : undefined,
		inArray(grantCalls.status, ['open', 'closed', 'archived']),
		or(isNull(grantCalls.opensAt), lt(grantCalls.opensAt, periodEnd(q))),
		or(isNull(grantCalls.closesAt), gte(grantCalls.closesAt, new Date(q.from)))
	);
}

// Days between submission and decision, as a fraction: what the median and 90th percentile are of.
const decisionDays = sql`extract(epoch from (${grantApplications.decidedAt} - ${grantApplications.submittedAt})) / 86400`;
const decided = sql`${grantApplications.decidedAt} is not null and ${grantApplications.submittedAt} is not null`;

/**
 * Per call: the funnel (every application counts at each step its history shows it reached, from
 * the roll-up kept by `refresh-rollups.ts`), time to decision
 * against the call's target, and money. The funnel and timings follow the partner filters; the
 * money is the whole call's, since its budget is not split by partner.
 */
export async function callFigures(db: DbOrTx, q: InsightQuery): Promise<CallRow[]> {
	const paidPerAward = db
		.select({ awardId: grantTranches.awardId, paid: sql`sum(${grantTranches.paidAmount})`.as('paid') })
		.from(grantTranches)
		.groupBy(grantTranches.awardId)
		.as('paid_per_award');
	const funnelCounts = db
		.select({
			callId: steps.callId,
			started: sql`count(*)`,
			submitted: sql`count(${steps.submittedAt})`,
			screened: sql`count(${steps.screenedAt})`,
			reviewed: sql`count(${steps.reviewedAt})`,
			awardedCount: sql`count(${steps.awardedAt})`
		})
		.from(steps)
		.innerJoin(grantCalls, eq(grantCalls.id, steps.callId))
		.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
		.$dynamic();
	const timings = db
		.select({
			callId: grantApplications.callId,
			decided: sql`count(*)`,
			// Both percentiles from one sort of the durations.
			percentiles: sql<number[] | null>`percentile_cont(array[0.5, 0.9]::float8[]) within group (order by ${decisionDays})`,
			dueDecided: sql`count(*) filter (where ${grantApplications.decisionDueAt} is not null)`,
			withinTarget: sql`count(*) filter (where ${grantApplications.decidedAt} <= ${grantApplications.decisionDueAt})`
		})
		.from(grantApplications)
		.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
		.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
		.$dynamic();
	const [calls, funnel, timing, money] = await Promise.all([
		db
			.select({ id: grantCalls.id, slug: grantCalls.slug, title: grantCalls.title, currency: grantCalls.currency, budget: grantCalls.budget, targetDays: grantCalls.decisionTargetDays })
			.from(grantCalls)
			.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
			.where(callsInScope(q))
			.orderBy(grantCalls.opensAt, grantCalls.slug),
		// The funnel comes from each application's history (the roll-up), not from where it is now.
		joinPartnerWhenFiltered(funnelCounts, q, steps.organisationId)
			.where(and(callsInScope(q), partnerFilter(q)))
			.groupBy(steps.callId),
		joinPartnerWhenFiltered(timings, q, grantApplications.organisationId)
			.where(and(callsInScope(q), partnerFilter(q), decided))
			.groupBy(grantApplications.callId),
		// Awarded and disbursed in one pass: each award with what has been paid on it.
		db
			.select({ callId: grantApplications.callId, awarded: sql`sum(${grantAwards.amount})`, disbursed: sql`sum(${paidPerAward.paid})` })
			.from(grantAwards)
			.innerJoin(grantApplications, eq(grantApplications.id, grantAwards.applicationId))
			.innerJoin(grantCalls, eq(grantCalls.id, grantApplications.callId))
			.innerJoin(grantProgrammes, eq(grantProgrammes.id, grantCalls.programmeId))
			.leftJoin(paidPerAward, eq(paidPerAward.awardId, grantAwards.id))
			.where(callsInScope(q))
			.groupBy(grantApplications.callId)
	]);
	const f = new Map(funnel.map((r) => [r.callId, r]));
	const t = new Map(timing.map((r) => [r.callId, r]));
	const a = new Map(money.map((r) => [r.callId, num(r.awarded)]));
	const p = new Map(money.map((r) => [r.callId, num(r.disbursed)]));
	return calls.map((c) => {
		const r = f.get(c.id);
		const d = t.get(c.id);
		const awardedSum = a.get(c.id) ?? 0;
		return {
			id: c.id,
			slug: c.slug,
			title: c.title,
			currency: c.currency,
			budget: c.budget,
			awarded: awardedSum,
			disbursed: p.get(c.id) ?? 0,
			remaining: c.budget - awardedSum,
			started: num(r?.started),
			submitted: num(r?.submitted),
			screened: num(r?.screened),
			reviewed: num(r?.reviewed),
			awardedCount: num(r?.awardedCount),
			targetDays: c.targetDays,
			decided: num(d?.decided),
			medianDays: numOrNull(d?.percentiles?.[0]),
			p90Days: numOrNull(d?.percentiles?.[1]),
			dueDecided: num(d?.dueDecided),
			withinTarget: num(d?.withinTarget)
		};
	});
}
