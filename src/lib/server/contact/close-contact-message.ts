import { eq } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { getContactMessage } from './get-contact-message.ts';
import { canUseInbox } from './policies.ts';
import { contactMessages } from './schema.ts';

/** Closing ends the conversation; the retention rules count from this moment. Closing twice is a no-op. */
export async function closeContactMessage(db: Db, actor: Actor, id: string) {
	ensure(canUseInbox(actor));
	return db.transaction(async (tx) => {
		const msg = await getContactMessage(tx, actor, id);
		if (msg.status === 'closed') return;
		await tx.update(contactMessages).set({ status: 'closed', closedBy: actor.kind === 'user' ? actor.userId : null, closedAt: new Date() }).where(eq(contactMessages.id, id));
		await recordActivity(tx, actor, { subjectType: 'contact_message', subjectId: id, action: 'contact.closed' });
	});
}
