import { or, sql } from 'drizzle-orm';
import type { PrivacyContributor } from '../privacy/contributor.ts';
import { outboxMessages } from './schema.ts';

const mentions = (s: { email: string; name: string }) =>
	or(
		sql`lower(${outboxMessages.toAddress}) = ${s.email.toLowerCase()}`,
		sql`strpos(lower(${outboxMessages.textBody}), ${s.email.toLowerCase()}) > 0`,
		sql`strpos(lower(${outboxMessages.subject}), ${s.email.toLowerCase()}) > 0`,
		// Mails to others that name the person (e.g. "X registered") lose their body too.
		sql`strpos(${outboxMessages.textBody}, ${s.name}) > 0`,
		sql`strpos(${outboxMessages.subject}, ${s.name}) > 0`
	);

/** Copies of mails: kept as a record that something was sent, without address, subject or body. */
export const mailPrivacy: PrivacyContributor = {
	key: 'mails',
	async exportData(tx, s) {
		return tx
			.select({ kind: outboxMessages.kind, subject: outboxMessages.subject, textBody: outboxMessages.textBody, status: outboxMessages.status, createdAt: outboxMessages.createdAt })
			.from(outboxMessages)
			.where(sql`lower(${outboxMessages.toAddress}) = ${s.email.toLowerCase()}`);
	},
	async erase(tx, s) {
		// A message still owed to an erased address is given up by the worker instead of being sent.
		await tx
			.update(outboxMessages)
			.set({ toAddress: sql`'erased-' || ${outboxMessages.id}::text || '@erased.invalid'`, subject: '', textBody: '', attachments: null })
			.where(mentions(s));
	}
};
