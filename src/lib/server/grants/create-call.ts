import { eq } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db, DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { callDefinition } from '../../validation/grants.ts';
import { callColumns, storeProgramme, type CheckedCall } from './call-record.ts';
import { scheduleCall } from './call-schedule.ts';
import { canRunCalls } from './policies.ts';
import { grantCalls } from './schema.ts';

/** A new call from the builder, kept as a draft until an officer opens it. */
export async function createCall(db: Db, actor: Actor, raw: unknown) {
	ensure(canRunCalls(actor));
	const d = parseInput(callDefinition, raw);
	const call = await db.transaction((tx) => insertDraftCall(tx, actor, d));
	await scheduleCall(call);
	return call;
}

/** The draft row of a checked definition, inside the caller's transaction; its address must be free. */
export async function insertDraftCall(tx: DbOrTx, actor: Actor, d: CheckedCall) {
	const [taken] = await tx.select({ id: grantCalls.id }).from(grantCalls).where(eq(grantCalls.slug, d.slug)).limit(1);
	if (taken) throw new DomainError('INVALID_INPUT', m.e_invalid_input(), { slug: [m.builder_e_slug_taken()] });
	const programmeId = await storeProgramme(tx, d);
	const [call] = await tx.insert(grantCalls).values({ ...callColumns(d, programmeId), status: 'draft' }).returning();
	await recordActivity(tx, actor, { subjectType: 'call', subjectId: call.id, action: 'created' });
	return call;
}
