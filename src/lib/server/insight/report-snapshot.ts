import { eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { jobs } from '../jobs/queue.ts';
import type { InsightQuery } from '../../validation/insight-report.ts';
import { awardsByGroup } from './awards-by-group.ts';
import { callFigures } from './call-figures.ts';
import { grantsByCurrency } from './grants-by-currency.ts';
import { outcomesByArea } from './outcomes-by-area.ts';
import { refreshInsightRollups, rollupFreshness } from './refresh-rollups.ts';
import { reviewerWorkload } from './reviewer-workload.ts';
import { insightSnapshots } from './schema.ts';
import { supportDelivered } from './support-delivered.ts';
import { trainingReach } from './training-reach.ts';

/** Figures younger than this are served as they are; older ones are served while a new set is computed. */
export const SNAPSHOT_FRESH_MS = 5 * 60_000;
/** Snapshots nobody asked again for a day are dropped. */
const SNAPSHOT_KEEP_MS = 24 * 60 * 60_000;
export const REFRESH_JOB = 'insight-refresh-report';

export const snapshotKey = (q: InsightQuery) => JSON.stringify([q.from, q.to, q.region, q.country, q.kind, q.programme, q.by]);

/** Every figure of the report, straight from the tables (and the funnel roll-up). */
export async function computeFigures(db: DbOrTx, q: InsightQuery) {
	let rollupsAsOf = await rollupFreshness(db);
	if (!rollupsAsOf) {
		await refreshInsightRollups(db);
		rollupsAsOf = await rollupFreshness(db);
	}
	// One pass over the awards serves both the grant counts and the money per currency.
	const awards = awardsByGroup(db, q);
	const [support, grants, outcomes, calls, reviewers, training] = await Promise.all([
		supportDelivered(db, q, awards),
		grantsByCurrency(db, q, awards),
		outcomesByArea(db, q),
		callFigures(db, q),
		reviewerWorkload(db, q),
		trainingReach(db, q)
	]);
	return { support, grants, outcomes, calls, reviewers, training, rollupsAsOf: rollupsAsOf?.toISOString() ?? null };
}
export type Figures = Awaited<ReturnType<typeof computeFigures>>;

/** Computes the figures for `q` and keeps them as its snapshot. */
export async function refreshSnapshot(db: DbOrTx, q: InsightQuery, now = new Date()) {
	const started = performance.now();
	const figures = await computeFigures(db, q);
	const row = { key: snapshotKey(q), figures, computedAt: now, tookMs: Math.round(performance.now() - started) };
	await db.insert(insightSnapshots).values(row).onConflictDoUpdate({ target: insightSnapshots.key, set: { figures: row.figures, computedAt: row.computedAt, tookMs: row.tookMs } });
	return { figures, computedAt: now };
}

/**
 * The report for `q`: the kept snapshot when there is one (asking the job queue for a new one once
 * it is older than five minutes), else computed now and kept.
 */
export async function reportFigures(db: DbOrTx, q: InsightQuery, now = new Date()): Promise<{ figures: Figures; computedAt: Date }> {
	const [kept] = await db.select().from(insightSnapshots).where(eq(insightSnapshots.key, snapshotKey(q)));
	if (!kept) return refreshSnapshot(db, q, now);
	if (now.getTime() - kept.computedAt.getTime() > SNAPSHOT_FRESH_MS) {
		const queue = jobs();
		// Without a queue (scripts, tests) the figures are brought up to date in place.
		if (!queue) return refreshSnapshot(db, q, now);
		await queue.schedule(REFRESH_JOB, { query: q }, now, { key: `${REFRESH_JOB}:${snapshotKey(q)}` });
	}
	return { figures: kept.figures as Figures, computedAt: kept.computedAt };
}

/** Drops snapshots computed more than a day ago: filters nobody has asked for since. */
export async function dropOldSnapshots(db: DbOrTx, now = new Date()) {
	await db.delete(insightSnapshots).where(lt(insightSnapshots.computedAt, new Date(now.getTime() - SNAPSHOT_KEEP_MS)));
}
