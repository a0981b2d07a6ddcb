import { eq } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { callDefinition } from '../../validation/grants.ts';
import { scheduleCall } from './call-schedule.ts';
import { moveCallTx } from './change-call-status.ts';
import { insertDraftCall } from './create-call.ts';
import { canRunCalls } from './policies.ts';
import { grantCalls } from './schema.ts';
import { updateCall } from './update-call.ts';

/**
 * `POST /api/v1/calls` and the seed: defines a call by its address. A new address is created and
 * opened in one step, under the rules of the builder's save and its Open button (every offered
 * language complete); a scheduled call stays a draft for its schedule to open. A known address is
 * saved over like the builder's save of the current version: answered fields may not be removed
 * or retyped, an archived call is refused, and a call that has been open publishes a new version.
 */
export async function defineCall(db: Db, actor: Actor, raw: unknown) {
	return (await defineCallTelling(db, actor, raw)).call;
}

/** The same, telling whether the address was new (`created`) or a known call was saved over. */
export async function defineCallTelling(db: Db, actor: Actor, raw: unknown) {
	ensure(canRunCalls(actor));
	const d = parseInput(callDefinition, raw);
	const [known] = await db.select({ id: grantCalls.id, version: grantCalls.version }).from(grantCalls).where(eq(grantCalls.slug, d.slug)).limit(1);
	// Someone saving in between makes this a conflict (409), as a stale save token would.
	if (known) return { call: await updateCall(db, actor, known.id, raw, known.version), created: false };
	const call = await db.transaction(async (tx) => {
		const draft = await insertDraftCall(tx, actor, d);
		return d.scheduled ? draft : (await moveCallTx(tx, actor, draft.id, 'open', draft.version)).call;
	});
	await scheduleCall(call);
	return { call, created: true };
}
