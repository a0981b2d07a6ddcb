import { and, eq, isNull } from 'drizzle-orm';
import { m } from '#lib/paraglide/messages.js';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { memberships } from '../directory/schema.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { users } from '../identity/schema.ts';
import { jobs } from '../jobs/queue.ts';
import { parseInput } from '../validate.ts';
import { applicantMessageInput } from '../../validation/grants-volume.ts';
import { selectionWhere } from './application-selection.ts';
import { findCall } from './find-application.ts';
import { grantCallMessageRecipients, grantCallMessages } from './message-schema.ts';
import { grantApplications } from './schema.ts';
import { MESSAGE_JOB } from './send-message-batch.ts';
import { canRunCallsAtVolume } from './volume-policies.ts';

/**
 * An officer writes to the applicants of a call — all, or those matching a status and title
 * words — with a subject and body per language. The message, its recipients (every member of
 * each applying organisation, once) and its activity entry are stored together; the job queue
 * then hands it to the outbox a batch at a time (`send-message-batch.ts`).
 */
export async function messageApplicants(db: Db, actor: Actor, callId: string, raw: unknown, now = new Date()) {
	ensure(canRunCallsAtVolume(actor));
	const input = parseInput(applicantMessageInput, raw);
	const call = await findCall(db, callId);
	const filter = { status: input.status, q: input.q };
	const message = await db.transaction(async (tx) => {
		const people = await tx
			.selectDistinctOn([memberships.userId], { userId: memberships.userId, organisationId: memberships.organisationId })
			.from(grantApplications)
			.innerJoin(memberships, eq(memberships.organisationId, grantApplications.organisationId))
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(and(selectionWhere(actor, { scope: 'filter', call: call.id, ...filter }), isNull(users.erasedAt)))
			.orderBy(memberships.userId, memberships.organisationId);
		if (!people.length) throw new DomainError('INVALID_INPUT', m.vol_e_no_recipients(), { status: [m.vol_e_no_recipients()] });
		const [msg] = await tx
			.insert(grantCallMessages)
			.values({
				callId: call.id,
				subject: { en: input.subject_en, es: input.subject_es, fr: input.subject_fr },
				body: { en: input.body_en, es: input.body_es, fr: input.body_fr },
				filter,
				recipients: people.length,
				createdBy: actor.kind === 'user' ? actor.userId : null
			})
			.returning();
		for (let i = 0; i < people.length; i += 1000)
			await tx.insert(grantCallMessageRecipients).values(people.slice(i, i + 1000).map((p) => ({ messageId: msg.id, ...p })));
		await recordActivity(tx, actor, {
			subjectType: 'call',
			subjectId: call.id,
			action: 'applicants_messaged',
			changes: { subject: { from: null, to: input.subject_en }, recipients: { from: null, to: people.length }, ...(filter.status || filter.q ? { filter: { from: null, to: filter } } : {}) }
		});
		return msg;
	});
	// The first batch goes at once; the minute sweep carries on should the queue miss it.
	await jobs()?.schedule(MESSAGE_JOB, { messageId: message.id }, now, { key: `grant-message:${message.id}` });
	return message;
}
