import { m } from '#lib/paraglide/messages.js';
import { toLocale } from '../i18n.ts';

export type MailContent = { subject: string; text: string };

// Mails carry as little as possible: no partner names for sensitive partners, no private data.
export function verifyEmailMail(locale: string, name: string, url: string): MailContent {
	const o = { locale: toLocale(locale) };
	return {
		subject: m.mail_verify_subject({}, o),
		text: m.mail_verify_body({ name, url }, o)
	};
}

export function resetPasswordMail(locale: string, name: string, url: string): MailContent {
	const o = { locale: toLocale(locale) };
	return {
		subject: m.mail_reset_subject({}, o),
		text: m.mail_reset_body({ name, url }, o)
	};
}

export function invitationMail(locale: string, organisationLabel: string, inviter: string, url: string): MailContent {
	const o = { locale: toLocale(locale) };
	return {
		subject: m.mail_invite_subject({ organisation: organisationLabel }, o),
		text: m.mail_invite_body({ organisation: organisationLabel, inviter, url }, o)
	};
}

/** To the owner of an address someone tried to sign up with again. */
export function accountExistsMail(locale: string, name: string, signInUrl: string, resetUrl: string): MailContent {
	const o = { locale: toLocale(locale) };
	return {
		subject: m.mail_account_exists_subject({}, o),
		text: m.mail_account_exists_body({ name, signIn: signInUrl, reset: resetUrl }, o)
	};
}
