import { eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { jobs } from '../jobs/queue.ts';
import type { InsightQuery } from '../../validation/insight-report.ts';
import { awardsByGroup } from './awards-by-group.ts';
import { callFigures } from './call-figures.ts';
import { grantsByCurrency } from './grants-by-currency.ts';
import { outcomesByArea } from './outcomes-by-area.ts';
import { refreshInsightRollups, rollupFreshness } from './refresh-rollups.ts';
import { reviewerWorkload } from './reviewer-workload.ts';
import { insightChanges, insightSnapshots } from './schema.ts';
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

type Report = { figures: Figures; computedAt: Date };

/**
 * Which transactions have committed right now, as a `pg_snapshot`. Taken before the figures are
 * computed: whatever committed by then is in them; whatever commits later (or was still running)
 * makes them out of date, even if some of it was read.
 */
async function committedSoFar(db: DbOrTx): Promise<string> {
	const result = await db.execute(sql`select pg_current_snapshot()::text as seen`);
	return (result as unknown as { rows: { seen: string }[] }).rows[0].seen;
}

/** Computes the figures for `q` and keeps them as its snapshot. */
export async function refreshSnapshot(db: DbOrTx, q: InsightQuery, now = new Date()): Promise<Report> {
	const started = performance.now();
	const seen = await committedSoFar(db);
	const figures = await computeFigures(db, q);
	const row = { key: snapshotKey(q), figures, computedAt: now, tookMs: Math.round(performance.now() - started), seen };
	await db
		.insert(insightSnapshots)
		.values(row)
		.onConflictDoUpdate({
			target: insightSnapshots.key,
			set: { figures: row.figures, computedAt: row.computedAt, tookMs: row.tookMs, seen: row.seen },
			// Two computations at once: the one that started later (saw more) keeps its figures.
			setWhere: sql`${insightSnapshots.seen} is null or pg_snapshot_xmax(${insightSnapshots.seen}) <= pg_snapshot_xmax(excluded.seen)`
		});
	return { figures, computedAt: now };
}

// Requests of one instance that find the same snapshot out of date share one computation, as
// long as it began after they arrived (so it sees whatever the asker had done before asking).
// Only an optimisation: without it each request computes on its own.
const computing = new WeakMap<DbOrTx, Map<string, { began: number; report: Promise<Report> }>>();

function computeShared(db: DbOrTx, q: InsightQuery, now: Date, asked: number): Promise<Report> {
	const key = snapshotKey(q);
	let running = computing.get(db);
	if (!running) computing.set(db, (running = new Map()));
	const current = running.get(key);
	if (current && current.began >= asked) return current.report;
	const entry = { began: Date.now(), report: refreshSnapshot(db, q, now) };
	running.set(key, entry);
	const done = () => {
		if (running.get(key) === entry) running.delete(key);
	};
	entry.report.then(done, done);
	return entry.report;
}

// The figures of snapshots this instance read lately, parsed, so that a visit with nothing changed
// reads only the snapshot's time (a report's figures are tens of kilobytes of JSON to transfer and
// parse). Only an optimisation: the database says on each visit whether they are still the kept ones.
const HOLD = 48;
const held = new WeakMap<DbOrTx, Map<string, Report>>();

function heldFigures(db: DbOrTx): Map<string, Report> {
	let map = held.get(db);
	if (!map) held.set(db, (map = new Map()));
	return map;
}

function hold(db: DbOrTx, key: string, report: Report): Report {
	const map = heldFigures(db);
	map.delete(key);
	map.set(key, report);
	if (map.size > HOLD) map.delete(map.keys().next().value!);
	return report;
}

/**
 * A transaction that changed what the report reads, committed since the snapshot's computation
 * began (or still running then). Transactions older than the snapshot's oldest running one were
 * all seen, so the search starts there, on the primary key.
 */
export const changedSince = sql<boolean>`${insightSnapshots.seen} is null or exists (
	select 1 from ${insightChanges}
	where ${insightChanges.xid} >= pg_snapshot_xmin(${insightSnapshots.seen})
	and not pg_visible_in_snapshot(${insightChanges.xid}, ${insightSnapshots.seen}))`;

/**
 * The report for `q`: the kept snapshot while nothing it reads has changed since it was computed
 * and it is less than five minutes old; computed again now when something changed (so a change
 * shows on the next visit); and, past five minutes with nothing changed, served as it is while
 * the job queue computes a new one (figures that depend on the time alone, such as trainings
 * held by now). The first visit to a filter set computes it.
 */
export async function reportFigures(db: DbOrTx, q: InsightQuery, now = new Date()): Promise<Report> {
	const asked = Date.now();
	const key = snapshotKey(q);
	const mine = heldFigures(db).get(key);
	const [row] = await db
		.select({
			computedAt: insightSnapshots.computedAt,
			changed: changedSince,
			// The figures only when this instance does not already hold this very snapshot.
			figures: sql`case when ${insightSnapshots.computedAt} = ${mine?.computedAt ?? null}::timestamptz then null else ${insightSnapshots.figures} end`.mapWith(insightSnapshots.figures)
		})
		.from(insightSnapshots)
		.where(eq(insightSnapshots.key, key));
	if (!row || row.changed) return hold(db, key, await computeShared(db, q, now, asked));
	const kept = row.figures === null && mine ? mine : hold(db, key, { figures: row.figures as Figures, computedAt: row.computedAt });
	if (now.getTime() - kept.computedAt.getTime() > SNAPSHOT_FRESH_MS) {
		const queue = jobs();
		// Without a queue (scripts, tests) the figures are brought up to date in place.
		if (!queue) return hold(db, key, await computeShared(db, q, now, asked));
		await queue.schedule(REFRESH_JOB, { query: q }, now, { key: `${REFRESH_JOB}:${snapshotKey(q)}` });
	}
	return { figures: kept.figures as Figures, computedAt: kept.computedAt };
}

/** Keeps the transactions that changed the report's tables for as long as a snapshot is kept. */
const CHANGES_KEEP_MS = SNAPSHOT_KEEP_MS;

/**
 * Drops snapshots computed more than a day ago (filters nobody has asked for since), and the
 * record of changes older than any snapshot still kept.
 */
export async function dropOldSnapshots(db: DbOrTx, now = new Date()) {
	await db.delete(insightSnapshots).where(lt(insightSnapshots.computedAt, new Date(now.getTime() - SNAPSHOT_KEEP_MS)));
	await db.delete(insightChanges).where(lt(insightChanges.at, new Date(now.getTime() - CHANGES_KEEP_MS)));
}

