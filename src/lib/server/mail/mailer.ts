import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { DbOrTx } from '../db/types.ts';
import { outboxMessages, type MailAttachment } from './schema.ts';

export type OutgoingMail = {
	kind: string;
	to: string;
	locale: string;
	subject: string;
	text: string;
	/** Small text files sent with the message (e.g. a calendar file), kept in the outbox until sent. */
	attachments?: MailAttachment[];
};

/** What the delivery worker hands a message to; nodemailer's SMTP transport in the running hub. */
export type MailTransport = Pick<Transporter, 'sendMail'>;

let transport: MailTransport | undefined;
let from = 'Support Hub <no-reply@support-hub.local>';
const wakers = new Set<() => void>();

/**
 * With an SMTP URL the outbox is a queue the delivery worker empties; without one, messages are
 * only kept in the outbox for admins to read. Timeouts stay well inside a worker's lease.
 */
export function configureMail(opts: { smtpUrl?: string; from?: string; transport?: MailTransport }) {
	transport =
		opts.transport ??
		(opts.smtpUrl ? nodemailer.createTransport({ url: opts.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 } as SMTPTransport.Options) : undefined);
	if (opts.from) from = opts.from;
}

export const mailTransport = () => transport;
export const mailFrom = () => from;

/** The delivery worker of this process asks to be woken when a message is queued here. */
export function onMailQueued(wake: () => void): () => void {
	wakers.add(wake);
	return () => wakers.delete(wake);
}

/**
 * Writes the message to the outbox, in the caller's transaction: the change that owes the mail and
 * the mail are committed together or not at all. Nothing is sent here; the delivery worker
 * (`deliver-outbox.ts`) sends it once the transaction has committed.
 */
export async function queueMail(db: DbOrTx, mail: OutgoingMail): Promise<void> {
	await queueMails(db, [mail]);
}

export async function queueMails(db: DbOrTx, mails: OutgoingMail[]): Promise<void> {
	if (!mails.length) return;
	// Due from now on the hub's own clock (whole milliseconds), the clock the worker asks with: the
	// database's default would carry microseconds, and a worker asking within the same millisecond
	// would find the message not yet due.
	const due = new Date();
	await db.insert(outboxMessages).values(
		mails.map((mail) => ({
			nextAttemptAt: due,
			kind: mail.kind,
			toAddress: mail.to,
			locale: mail.locale,
			subject: mail.subject,
			textBody: mail.text,
			attachments: mail.attachments?.length ? mail.attachments : null,
			status: transport ? ('queued' as const) : ('stored' as const)
		}))
	);
	// The worker looks shortly after; if the transaction has not committed by then, its next poll does.
	if (transport) for (const wake of wakers) wake();
}
