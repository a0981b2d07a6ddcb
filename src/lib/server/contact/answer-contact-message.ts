import { m } from '#lib/paraglide/messages.js';
import { and, eq, ne } from 'drizzle-orm';
import { recordActivity } from '../activity/record-activity.ts';
import type { Db } from '../db/types.ts';
import { DomainError } from '../errors.ts';
import { toLocale } from '../i18n.ts';
import type { Actor } from '../identity/actor.ts';
import { ensure } from '../identity/ensure.ts';
import { queueMail } from '../mail/mailer.ts';
import { parseInput } from '../validate.ts';
import { contactAnswerInput } from '../../validation/contact.ts';
import { getContactMessage } from './get-contact-message.ts';
import { canUseInbox } from './policies.ts';
import { contactMessages } from './schema.ts';

/**
 * An officer answers: the reply goes by mail to the address the sender gave, in the language they
 * wrote in. A message without an address cannot be answered, only closed.
 */
export async function answerContactMessage(db: Db, actor: Actor, id: string, raw: unknown) {
	ensure(canUseInbox(actor));
	const { answer } = parseInput(contactAnswerInput, raw);
	return db.transaction(async (tx) => {
		const msg = await getContactMessage(tx, actor, id);
		if (!msg.email) throw new DomainError('CONFLICT', m.contact_no_address(), { answer: [m.contact_no_address()] });
		if (msg.status === 'closed') throw new DomainError('CONFLICT', m.contact_already_closed());
		const by = actor.kind === 'user' ? actor.userId : null;
		await tx.update(contactMessages).set({ status: 'answered', answer, answeredBy: by, answeredAt: new Date() }).where(and(eq(contactMessages.id, id), ne(contactMessages.status, 'closed')));
		const locale = toLocale(msg.locale);
		await queueMail(tx, {
			kind: 'contact_answer',
			to: msg.email,
			locale,
			subject: m.contact_answer_subject({}, { locale }),
			text: `${m.contact_answer_greeting({ name: msg.name || '—' }, { locale })}\n\n${answer}\n\n— ${m.contact_answer_quote({}, { locale })}\n${msg.message}\n`
		});
		await recordActivity(tx, actor, { subjectType: 'contact_message', subjectId: id, action: 'contact.answered' });
	});
}
