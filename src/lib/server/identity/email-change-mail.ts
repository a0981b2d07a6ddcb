import { m } from '#lib/paraglide/messages.js';
import { toLocale } from '../i18n.ts';
import type { MailContent } from '../mail/templates.ts';

/** To the new address: the link that makes the change. */
export function emailChangeVerifyMail(locale: string, name: string, url: string): MailContent {
	const o = { locale: toLocale(locale) };
	return { subject: m.email_change_mail_verify_subject({}, o), text: m.email_change_mail_verify_body({ name, url }, o) };
}

/** To the old address: what was asked, that nothing changes until the link is used, and what to do if it was not them. */
export function emailChangeNoticeMail(locale: string, name: string, newEmail: string, securityUrl: string): MailContent {
	const o = { locale: toLocale(locale) };
	return { subject: m.email_change_mail_notice_subject({}, o), text: m.email_change_mail_notice_body({ name, email: newEmail, url: securityUrl }, o) };
}

/** To an address that already has an account: someone asked to move another account to it; nothing changed. */
export function emailChangeTakenMail(locale: string, name: string): MailContent {
	const o = { locale: toLocale(locale) };
	return { subject: m.email_change_mail_taken_subject({}, o), text: m.email_change_mail_taken_body({ name }, o) };
}
