import { and, eq, inArray } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { parseInput } from '../validate.ts';
import { versionDiffQuery } from '../../validation/grants.ts';
import { diffCallVersions } from './call-version-diff.ts';
import { findCall } from './find-application.ts';
import { canRunCalls } from './policies.ts';
import { grantCallVersions } from './schema.ts';

/** What changed from one published version of a call to another, for the staff who run calls. */
export async function compareCallVersions(db: DbOrTx, actor: Actor, callId: string, raw: unknown) {
	ensure(canRunCalls(actor));
	const { from, to } = parseInput(versionDiffQuery, raw);
	const call = await findCall(db, callId);
	const rows = await db
		.select({ number: grantCallVersions.number, definition: grantCallVersions.definition })
		.from(grantCallVersions)
		.where(and(eq(grantCallVersions.callId, call.id), inArray(grantCallVersions.number, [from, to])));
	const a = rows.find((r) => r.number === from);
	const b = rows.find((r) => r.number === to);
	if (!a || !b) throw new DomainError('NOT_FOUND', m.e_not_found());
	return { from, to, changes: diffCallVersions(a.definition, b.definition) };
}
