import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { ANONYMOUS } from '../identity/actor.ts';
import type { JobPayload } from '../jobs/queue.ts';
import { schedulePlan } from './call-schedule.ts';
import { moveCall } from './change-call-status.ts';
import { findCall } from './find-application.ts';
import type { grantCalls } from './schema.ts';

/**
 * Runs one planned step. A call that cannot open (a text missing in a language it offers) stays a
 * draft, and the refusal is written in its history for the officer to see.
 */
export async function runCallSchedule(db: Db, payload: JobPayload): Promise<'done' | 'stale' | 'refused'> {
	const id = String(payload.callId ?? '');
	let call: typeof grantCalls.$inferSelect;
	try {
		call = await findCall(db, id);
	} catch (e) {
		if (e instanceof DomainError && e.code === 'NOT_FOUND') return 'stale';
		throw e;
	}
	const step = schedulePlan(call).find((s) => s.transition === payload.transition);
	if (!step || step.runAt.toISOString() !== payload.at) return 'stale';
	try {
		await moveCall(db, ANONYMOUS, id, step.transition, call.version);
		return 'done';
	} catch (e) {
		if (!(e instanceof DomainError) || e.code !== 'INVALID_INPUT') throw e;
		await recordActivity(db, ANONYMOUS, { subjectType: 'call', subjectId: id, action: 'open_refused', changes: { reason: { from: null, to: e.message } } });
		return 'refused';
	}
}
