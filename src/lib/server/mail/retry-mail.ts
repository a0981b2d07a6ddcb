import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { canRetryMail } from '../identity/policies.ts';
import { mailTransport } from './mailer.ts';
import { outboxMessages } from './schema.ts';

/**
 * Staff send a message again that failed: it is queued at once, keeping its attempt count and last
 * error, and the delivery worker takes it up; the retry is written to the audit log.
 */
export async function retryMail(db: Db, actor: Actor, id: string) {
	ensure(canRetryMail(actor));
	if (!z.uuid().safeParse(id).success) throw new DomainError('NOT_FOUND', m.e_not_found());
	if (!mailTransport()) throw new DomainError('INVALID_TRANSITION', m.outbox_e_no_server());
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select({ id: outboxMessages.id, status: outboxMessages.status, toAddress: outboxMessages.toAddress })
			.from(outboxMessages)
			.where(eq(outboxMessages.id, id))
			.for('update');
		if (!before) throw new DomainError('NOT_FOUND', m.e_not_found());
		if (before.toAddress.endsWith('@erased.invalid')) throw new DomainError('INVALID_TRANSITION', m.outbox_e_erased());
		const [after] = await tx
			.update(outboxMessages)
			.set({ status: 'queued', nextAttemptAt: new Date() })
			.where(and(eq(outboxMessages.id, id), inArray(outboxMessages.status, ['retrying', 'given_up', 'failed'])))
			.returning({ id: outboxMessages.id });
		if (!after) throw new DomainError('INVALID_TRANSITION', m.outbox_e_not_failed());
		await recordActivity(tx, actor, {
			subjectType: 'outbox_message',
			subjectId: id,
			action: 'mail_retried',
			changes: { status: { from: before.status, to: 'queued' } }
		});
		return { id, status: 'queued' as const };
	});
}
