import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import { insightChanges, insightRollups } from './schema.ts';

export const APPLICATION_STEPS = 'application_steps';

// The states that show a step was reached. Declining is a screening outcome, so a declined
// application was screened; reaching a decision means the reviews were done.
const SCREENED = ['screening', 'in_review', 'more_information', 'decision', 'awarded', 'closed', 'declined'];
const REVIEWED = ['decision', 'awarded', 'closed'];
const AWARDED = ['awarded', 'closed'];
const list = (xs: string[]) => sql.join(xs.map((x) => sql`${x}`), sql`, `);

/** Applications written to or reviewed within this margin before the last run are read again, so a slow transaction is never missed. */
const OVERLAP_MS = 5 * 60_000;

/**
 * Brings the funnel roll-up up to date: for every application changed (or reviewed) since the
 * last run, the first time it reached each step, from its status history. An application whose
 * history is missing (imported, or older than the log) counts at the steps its record shows.
 * Returns how many applications' steps changed.
 */
export async function refreshInsightRollups(db: DbOrTx, now = new Date()): Promise<number> {
	return db.transaction(async (tx) => {
		// One refresh at a time: a second one waits, then finds little left to do.
		await tx.insert(insightRollups).values({ name: APPLICATION_STEPS, refreshedAt: new Date(0) }).onConflictDoNothing();
		const [state] = await tx.select().from(insightRollups).where(eq(insightRollups.name, APPLICATION_STEPS)).for('update');
		const since = new Date(state.refreshedAt.getTime() - OVERLAP_MS);
		const result = await tx.execute(sql`
			insert into insight_application_steps (application_id, call_id, organisation_id, submitted_at, screened_at, reviewed_at, awarded_at)
			select a.id, a.call_id, a.organisation_id, a.submitted_at,
				coalesce(h.screened, case when a.status in (${list(SCREENED)}) then coalesce(a.submitted_at, a.updated_at) end),
				coalesce(least(h.reviewed, r.first_review), case when a.status in (${list(REVIEWED)}) then coalesce(a.decided_at, a.updated_at) end),
				coalesce(h.awarded, aw.awarded_at, case when a.status in (${list(AWARDED)}) then coalesce(a.decided_at, a.updated_at) end)
			from grant_applications a
			left join lateral (
				select
					min(e.created_at) filter (where e.changes->'status'->>'to' in (${list(SCREENED)})) as screened,
					min(e.created_at) filter (where e.changes->'status'->>'to' in (${list(REVIEWED)})) as reviewed,
					min(e.created_at) filter (where e.changes->'status'->>'to' in (${list(AWARDED)})) as awarded
				from activity_events e
				where e.subject_type = 'application' and e.subject_id = a.id::text
			) h on true
			left join lateral (select min(gr.created_at) as first_review from grant_reviews gr where gr.application_id = a.id) r on true
			left join grant_awards aw on aw.application_id = a.id
			where a.updated_at >= ${since} or a.id in (select gr.application_id from grant_reviews gr where gr.created_at >= ${since})
			on conflict (application_id) do update set
				call_id = excluded.call_id, organisation_id = excluded.organisation_id, submitted_at = excluded.submitted_at,
				screened_at = excluded.screened_at, reviewed_at = excluded.reviewed_at, awarded_at = excluded.awarded_at
			where (insight_application_steps.call_id, insight_application_steps.organisation_id, insight_application_steps.submitted_at,
				insight_application_steps.screened_at, insight_application_steps.reviewed_at, insight_application_steps.awarded_at)
				is distinct from (excluded.call_id, excluded.organisation_id, excluded.submitted_at, excluded.screened_at, excluded.reviewed_at, excluded.awarded_at)`);
		await tx.update(insightRollups).set({ refreshedAt: now }).where(eq(insightRollups.name, APPLICATION_STEPS));
		const changed = Number((result as { affectedRows?: number; rowCount?: number }).affectedRows ?? (result as { rowCount?: number }).rowCount ?? 0);
		// A step that moved changes the report's funnel: kept report snapshots are then out of date.
		if (changed > 0) await tx.execute(sql`insert into ${insightChanges} (xid) values (pg_current_xact_id()) on conflict do nothing`);
		return changed;
	});
}

/** When the funnel roll-up was last brought up to date, or null if never. */
export async function rollupFreshness(db: DbOrTx): Promise<Date | null> {
	const [state] = await db.select({ at: insightRollups.refreshedAt }).from(insightRollups).where(eq(insightRollups.name, APPLICATION_STEPS));
	return state && state.at.getTime() > 0 ? state.at : null;
}
