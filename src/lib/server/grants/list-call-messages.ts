import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { findCall } from './find-application.ts';
import { grantCallMessages } from './message-schema.ts';
import { canRunCallsAtVolume } from './volume-policies.ts';

/** A call and the messages sent to its applicants, newest first, with how far each has gone out. */
export async function listCallMessages(db: DbOrTx, actor: Actor, callId: string) {
	ensure(canRunCallsAtVolume(actor));
	const call = await findCall(db, callId);
	const messages = await db
		.select({ id: grantCallMessages.id, subject: grantCallMessages.subject, filter: grantCallMessages.filter, recipients: grantCallMessages.recipients, queued: grantCallMessages.queued, finishedAt: grantCallMessages.finishedAt, createdAt: grantCallMessages.createdAt, by: users.name })
		.from(grantCallMessages)
		.leftJoin(users, eq(users.id, grantCallMessages.createdBy))
		.where(eq(grantCallMessages.callId, call.id))
		.orderBy(desc(grantCallMessages.createdAt))
		.limit(50);
	return { call: { id: call.id, title: call.title, languages: call.languages }, messages };
}
