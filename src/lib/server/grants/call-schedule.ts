import { jobs, type JobQueue } from '../jobs/queue.ts';
import type { grantCalls } from './schema.ts';

// A call may open and close by itself at its dates (stored in UTC, typed in the call's own time
// zone). Each step is one job keyed by the call, planned again whenever the call is saved or moved;
// a job checks that the call still plans that step at that moment, so a stale one does nothing.

export const CALL_SCHEDULE_JOB = 'grants.call-schedule';
type CallRow = typeof grantCalls.$inferSelect;
type Step = { key: string; transition: 'open' | 'close'; runAt: Date };

export const scheduleKeys = (id: string) => [`call:${id}:open`, `call:${id}:close`];

/** The steps still to run for a call: opening a draft at `opensAt`, closing at `closesAt`. */
export function schedulePlan(call: Pick<CallRow, 'id' | 'status' | 'scheduled' | 'rolling' | 'opensAt' | 'closesAt'>): Step[] {
	if (!call.scheduled || call.rolling) return [];
	const plan: Step[] = [];
	if (call.status === 'draft' && call.opensAt) plan.push({ key: `call:${call.id}:open`, transition: 'open', runAt: call.opensAt });
	if ((call.status === 'draft' || call.status === 'open') && call.closesAt) plan.push({ key: `call:${call.id}:close`, transition: 'close', runAt: call.closesAt });
	return plan;
}

export async function scheduleCall(call: CallRow, queue: JobQueue | undefined = jobs()) {
	if (!queue) return;
	for (const key of scheduleKeys(call.id)) await queue.cancel(key);
	for (const s of schedulePlan(call)) await queue.schedule(CALL_SCHEDULE_JOB, { callId: call.id, transition: s.transition, at: s.runAt.toISOString() }, s.runAt, { key: s.key });
}
