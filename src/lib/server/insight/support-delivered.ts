import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { organisations } from '../directory/schema.ts';
import { engagementRequests } from '../engagement/schema.ts';
import { eventRegistrations, events } from '../events/schema.ts';
import { strategies } from '../toolkit/schema.ts';
import type { InsightQuery } from '../../validation/insight-report.ts';
import { awardsByGroup, type AwardGroup } from './awards-by-group.ts';
import { latestReviews } from './latest-reviews.ts';
import { groupKey, inPeriod, isTotal, num, partnerFilter, rollup } from './report-scope.ts';

export type SupportRow = {
	key: string;
	requests: number;
	decisions: number;
	invested: number;
	grants: number;
	trainings: number;
	registrations: number;
	attended: number;
	strategies: number;
	outcomes: number;
	achieved: number;
};
const FIGURES = ['requests', 'decisions', 'invested', 'grants', 'trainings', 'registrations', 'attended', 'strategies', 'outcomes', 'achieved'] as const;

type Grouped = { key: string; total: boolean } & Record<string, unknown>;

/**
 * Support delivered, broken down by country, region, partner kind or year, with a totals row.
 * Each figure is one grouped query counted by the moment that makes it count (a request when it
 * was submitted, a decision when it was taken, a training when it was held); the groups are then
 * laid side by side. Grants come from the report's one pass over the awards (`awards`, when the
 * caller already started it), added up over currencies. Sensitive partners are counted like
 * everyone else: no partner is named here.
 */
export async function supportDelivered(db: DbOrTx, q: InsightQuery, awards?: Promise<AwardGroup[]>): Promise<{ rows: SupportRow[]; total: SupportRow }> {
	const withPartner = (key: SQL, where: SQL | undefined) => ({ key, where: and(where, partnerFilter(q)) });

	const req = withPartner(groupKey(q.by, engagementRequests.submittedAt), inPeriod(engagementRequests.submittedAt, q));
	const requests = db
		.select({ key: req.key, total: isTotal(req.key), requests: sql`count(*)` })
		.from(engagementRequests)
		.innerJoin(organisations, eq(organisations.id, engagementRequests.organisationId))
		.where(req.where)
		.groupBy(rollup(req.key));

	const dec = withPartner(groupKey(q.by, engagementRequests.decidedAt), and(isNotNull(engagementRequests.decision), inPeriod(engagementRequests.decidedAt, q)));
	const decisions = db
		.select({ key: dec.key, total: isTotal(dec.key), decisions: sql`count(*)`, invested: sql`count(*) filter (where ${engagementRequests.decision} = 'invest')` })
		.from(engagementRequests)
		.innerJoin(organisations, eq(organisations.id, engagementRequests.organisationId))
		.where(dec.where)
		.groupBy(rollup(dec.key));

	// A guest at a training may come without a partner in the hub: their own country still counts.
	const guestCountry = sql`coalesce(${organisations.country}, nullif(${eventRegistrations.country}, ''))`;
	const regKey = groupKey(q.by, events.startsAt, guestCountry);
	const registrations = db
		.select({
			key: regKey,
			total: isTotal(regKey),
			trainings: sql`count(distinct ${events.id}) filter (where ${events.endsAt} <= now() and ${eventRegistrations.attended})`,
			registrations: sql`count(*)`,
			attended: sql`count(*) filter (where ${eventRegistrations.attended})`
		})
		.from(eventRegistrations)
		.innerJoin(events, eq(events.id, eventRegistrations.eventId))
		.leftJoin(organisations, eq(organisations.id, eventRegistrations.organisationId))
		.where(and(eq(events.status, 'published'), eq(eventRegistrations.status, 'confirmed'), inPeriod(events.startsAt, q), partnerFilter(q, guestCountry)))
		.groupBy(rollup(regKey));

	const st = withPartner(groupKey(q.by, strategies.updatedAt), inPeriod(strategies.updatedAt, q));
	const strategyCounts = db
		.select({ key: st.key, total: isTotal(st.key), strategies: sql`count(*)` })
		.from(strategies)
		.innerJoin(organisations, eq(organisations.id, strategies.organisationId))
		.where(st.where)
		.groupBy(rollup(st.key));

	const latest = latestReviews(db, q);
	const oc = groupKey(q.by, latest.reviewedAt);
	const outcomes = db
		.select({ key: oc, total: isTotal(oc), outcomes: sql`count(*)`, achieved: sql`count(*) filter (where ${latest.status} = 'achieved')` })
		.from(latest)
		.innerJoin(organisations, eq(organisations.id, latest.organisationId))
		.where(partnerFilter(q))
		.groupBy(rollup(oc));

	const [awarded, ...parts] = (await Promise.all([awards ?? awardsByGroup(db, q), requests, decisions, registrations, strategyCounts, outcomes])) as unknown as Grouped[][];
	const byKey = new Map<string, SupportRow>();
	const blank = (key: string): SupportRow => ({ key, requests: 0, decisions: 0, invested: 0, grants: 0, trainings: 0, registrations: 0, attended: 0, strategies: 0, outcomes: 0, achieved: 0 });
	const total = blank('');
	for (const part of parts)
		for (const g of part) {
			const row = g.total ? total : (byKey.get(g.key) ?? byKey.set(g.key, blank(g.key)).get(g.key)!);
			for (const f of FIGURES) if (f in g) row[f] = num(g[f]);
		}
	// One row per group and currency: a group's grants are the sum over its currencies.
	for (const a of awarded) {
		const row = a.total ? total : (byKey.get(a.key) ?? byKey.set(a.key, blank(a.key)).get(a.key)!);
		row.grants += num(a.grants);
	}
	const rows = [...byKey.values()].sort((a, b) => (q.by === 'year' ? a.key.localeCompare(b.key) : b.requests + b.grants + b.registrations - (a.requests + a.grants + a.registrations) || a.key.localeCompare(b.key)));
	return { rows, total };
}
