import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DbOrTx } from '../db/types.ts';
import { outboxMessages } from './schema.ts';

export type OutgoingMail = {
	kind: string;
	to: string;
	locale: string;
	subject: string;
	text: string;
	/** Files sent with the message (e.g. a calendar file); the outbox keeps only the text. */
	attachments?: { filename: string; content: string; contentType: string }[];
};

let transport: Transporter | undefined;
let from = 'Support Hub <no-reply@support-hub.local>';

/** With an SMTP URL mail goes out; without one it is only kept in the outbox for admins to read. */
export function configureMail(opts: { smtpUrl?: string; from?: string }) {
	transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined;
	if (opts.from) from = opts.from;
}

/**
 * Records the message and, when SMTP is configured, sends it. A failed delivery is recorded, not
 * thrown: the action that caused the mail (a sign-up, an invitation) has already succeeded.
 */
export async function sendMail(db: DbOrTx, mail: OutgoingMail): Promise<void> {
	const [row] = await db
		.insert(outboxMessages)
		.values({
			kind: mail.kind,
			toAddress: mail.to,
			locale: mail.locale,
			subject: mail.subject,
			textBody: mail.text,
			status: 'stored'
		})
		.returning({ id: outboxMessages.id });
	if (!transport) return;
	try {
		await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments, headers: { 'Content-Language': mail.locale } });
		await db.update(outboxMessages).set({ status: 'sent', sentAt: new Date() }).where(eq(outboxMessages.id, row.id));
	} catch (err) {
		await db
			.update(outboxMessages)
			.set({ status: 'failed', error: String((err as Error).message ?? err).slice(0, 500) })
			.where(eq(outboxMessages.id, row.id));
	}
}
