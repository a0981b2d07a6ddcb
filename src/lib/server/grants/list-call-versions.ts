import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { findCall } from './find-application.ts';
import { canRunCalls } from './policies.ts';
import { grantApplications, grantCallVersions } from './schema.ts';

/** The published versions, newest first, with who published each and how many applications it holds. */
export async function listCallVersions(db: DbOrTx, actor: Actor, callId: string) {
	ensure(canRunCalls(actor));
	await findCall(db, callId);
	const rows = await db
		.select({ number: grantCallVersions.number, definition: grantCallVersions.definition, createdAt: grantCallVersions.createdAt, by: users.name })
		.from(grantCallVersions)
		.leftJoin(users, eq(users.id, grantCallVersions.createdBy))
		.where(eq(grantCallVersions.callId, callId))
		.orderBy(desc(grantCallVersions.number));
	const counts = await db
		.select({ v: grantApplications.callVersion, n: sql<number>`count(*)::int` })
		.from(grantApplications)
		.where(eq(grantApplications.callId, callId))
		.groupBy(grantApplications.callVersion);
	const byVersion = new Map(counts.map((c) => [c.v, Number(c.n)]));
	return rows.map((r) => ({ ...r, applications: byVersion.get(r.number) ?? 0 }));
}
