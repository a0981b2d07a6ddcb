import { m } from '#lib/paraglide/messages.js';
import { toLocale } from '../i18n.ts';
import type { MailContent } from '../mail/templates.ts';

/**
 * Tells the requester that their request has an outcome. Deliberately bare: no partner name, no
 * rationale, no scores — only that there is news and where to read it after signing in.
 */
export function requestDecidedMail(locale: string, name: string, url: string): MailContent {
	const o = { locale: toLocale(locale) };
	return { subject: m.eng_mail_decided_subject({}, o), text: m.eng_mail_decided_body({ name, url }, o) };
}
