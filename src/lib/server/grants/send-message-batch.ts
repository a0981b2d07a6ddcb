import { and, asc, count, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/types.ts';
import { outsideLabel } from '../directory/partner-label.ts';
import { organisations } from '../directory/schema.ts';
import { users } from '../identity/schema.ts';
import { queueMails } from '../mail/mailer.ts';
import { tr } from './definition.ts';
import { grantLink } from './mail.ts';
import { grantCallMessageRecipients, grantCallMessages } from './message-schema.ts';
import { grantCalls } from './schema.ts';
import { renderApplicantMessage } from './render-applicant-message.ts';

export const MESSAGE_JOB = 'grants.message-batch';
/** At most this many mails go to the outbox per batch, and batches are this far apart. */
export const MESSAGE_BATCH = 100;
export const MESSAGE_INTERVAL_MS = 60_000;

/**
 * Hands the next batch of a call message to the outbox, in the recipients' languages, unless the
 * last batch went less than the interval ago. Returns how many recipients still wait (or null when
 * it is not time yet). One transaction: the mails and the "queued" marks commit together, so a
 * batch retried after a crash is queued once.
 */
export async function sendMessageBatch(db: Db, messageId: string, now = new Date()): Promise<number | null> {
	return db.transaction(async (tx) => {
		const [msg] = await tx
			.select({ message: grantCallMessages, callTitle: grantCalls.title })
			.from(grantCallMessages)
			.innerJoin(grantCalls, eq(grantCalls.id, grantCallMessages.callId))
			.where(and(eq(grantCallMessages.id, messageId), isNull(grantCallMessages.finishedAt)))
			.for('update', { of: grantCallMessages });
		if (!msg) return 0;
		const last = msg.message.lastBatchAt;
		if (last && now.getTime() - last.getTime() < MESSAGE_INTERVAL_MS) return null;
		const batch = await tx
			.select({ id: grantCallMessageRecipients.id, email: users.email, locale: users.locale, erasedAt: users.erasedAt, org: { name: organisations.name, reference: organisations.reference, sensitive: organisations.sensitive } })
			.from(grantCallMessageRecipients)
			.innerJoin(users, eq(users.id, grantCallMessageRecipients.userId))
			.innerJoin(organisations, eq(organisations.id, grantCallMessageRecipients.organisationId))
			.where(and(eq(grantCallMessageRecipients.messageId, messageId), isNull(grantCallMessageRecipients.queuedAt)))
			.orderBy(asc(grantCallMessageRecipients.id))
			.limit(MESSAGE_BATCH);
		// A person erased since the message was written is not written to.
		const mails = batch
			.filter((r) => !r.erasedAt)
			.map((r) => ({
				kind: 'grant_call_message',
				to: r.email,
				locale: r.locale,
				...renderApplicantMessage(msg.message, r.locale, { organisation: outsideLabel(r.org, r.locale), call: tr(msg.callTitle, r.locale), link: grantLink('/grants') })
			}));
		await queueMails(tx, mails);
		if (batch.length)
			await tx.update(grantCallMessageRecipients).set({ queuedAt: now }).where(inArray(grantCallMessageRecipients.id, batch.map((r) => r.id)));
		const [{ n: waiting }] = await tx
			.select({ n: count() })
			.from(grantCallMessageRecipients)
			.where(and(eq(grantCallMessageRecipients.messageId, messageId), isNull(grantCallMessageRecipients.queuedAt)));
		await tx
			.update(grantCallMessages)
			.set({ queued: msg.message.queued + mails.length, lastBatchAt: now, finishedAt: waiting ? null : now })
			.where(eq(grantCallMessages.id, messageId));
		return waiting;
	});
}

/** Every minute: a batch for each unfinished message whose interval has passed (catches up after a restart). */
export async function sweepMessages(db: Db, now = new Date()) {
	const due = await db
		.select({ id: grantCallMessages.id })
		.from(grantCallMessages)
		.where(and(isNull(grantCallMessages.finishedAt), or(isNull(grantCallMessages.lastBatchAt), lt(grantCallMessages.lastBatchAt, new Date(now.getTime() - MESSAGE_INTERVAL_MS)))));
	for (const m of due) await sendMessageBatch(db, m.id, now);
	return due.length;
}
