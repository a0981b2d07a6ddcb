import { m } from '#lib/paraglide/messages.js';
import { toLocale } from '../i18n.ts';
import { showTime } from './time.ts';

export type MailContent = { subject: string; text: string };
type EventRef = { title: string; startsAt: Date; timeZone: string };

// Event mails, each in the recipient's language. They name the event and its time, and link to
// the person's own registration page; a meeting link appears only in mail to a confirmed person.

/** "Monday 15 June 2026, 10:30 (New York)" in the recipient's language. */
export function whenText(e: EventRef, locale: string): string {
	const t = showTime(e.startsAt, e.timeZone, e.timeZone, toLocale(locale));
	return `${t.organiserDate}, ${t.organiserTime} (${t.organiserCity})`;
}

const o = (locale: string) => ({ locale: toLocale(locale) });

export function confirmationMail(locale: string, name: string, e: EventRef & { meetingUrl: string }, status: string, manageUrl: string): MailContent {
	const when = whenText(e, locale);
	const body =
		status === 'confirmed'
			? m.event_mail_confirmed_body({ name, title: e.title, when, url: manageUrl, join: e.meetingUrl || '—' }, o(locale))
			: status === 'waitlisted'
				? m.event_mail_waitlisted_body({ name, title: e.title, when, url: manageUrl }, o(locale))
				: m.event_mail_pending_body({ name, title: e.title, when, url: manageUrl }, o(locale));
	const subject =
		status === 'confirmed'
			? m.event_mail_confirmed_subject({ title: e.title }, o(locale))
			: status === 'waitlisted'
				? m.event_mail_waitlisted_subject({ title: e.title }, o(locale))
				: m.event_mail_pending_subject({ title: e.title }, o(locale));
	return { subject, text: body };
}

/** The personal link again, on request; no meeting link (the page shows it to a confirmed person). */
export function linkAgainMail(locale: string, name: string, e: EventRef, manageUrl: string): MailContent {
	return {
		subject: m.event_mail_link_again_subject({ title: e.title }, o(locale)),
		text: m.event_mail_link_again_body({ name, title: e.title, when: whenText(e, locale), url: manageUrl }, o(locale))
	};
}

/** Someone registered again with an address that has a place: its owner is told, and given the link. */
export function registeredAgainMail(locale: string, name: string, e: EventRef, manageUrl: string): MailContent {
	return {
		subject: m.event_mail_registered_again_subject({ title: e.title }, o(locale)),
		text: m.event_mail_registered_again_body({ name, title: e.title, when: whenText(e, locale), url: manageUrl }, o(locale))
	};
}

export function promotedMail(locale: string, name: string, e: EventRef, manageUrl: string): MailContent {
	return {
		subject: m.event_mail_promoted_subject({ title: e.title }, o(locale)),
		text: m.event_mail_promoted_body({ name, title: e.title, when: whenText(e, locale), url: manageUrl }, o(locale))
	};
}

export function declinedMail(locale: string, name: string, e: EventRef): MailContent {
	return {
		subject: m.event_mail_declined_subject({ title: e.title }, o(locale)),
		text: m.event_mail_declined_body({ name, title: e.title, when: whenText(e, locale) }, o(locale))
	};
}

export function cancelledMail(locale: string, name: string, e: EventRef): MailContent {
	return {
		subject: m.event_mail_cancelled_subject({ title: e.title }, o(locale)),
		text: m.event_mail_cancelled_body({ name, title: e.title, when: whenText(e, locale) }, o(locale))
	};
}

/** The new time, in the recipient's language; the attached calendar file moves their entry. */
export function rescheduledMail(locale: string, name: string, e: EventRef, manageUrl: string): MailContent {
	return {
		subject: m.event_mail_rescheduled_subject({ title: e.title }, o(locale)),
		text: m.event_mail_rescheduled_body({ name, title: e.title, when: whenText(e, locale), url: manageUrl }, o(locale))
	};
}

/** A reminder carries no meeting link: the registration page shows it to the confirmed person. */
export function reminderMail(locale: string, name: string, e: EventRef, when: 'day' | 'hour', url: string): MailContent {
	const subject = when === 'day' ? m.event_mail_reminder_day_subject({ title: e.title }, o(locale)) : m.event_mail_reminder_hour_subject({ title: e.title }, o(locale));
	return { subject, text: m.event_mail_reminder_body({ name, title: e.title, when: whenText(e, locale), url }, o(locale)) };
}

export function feedbackRequestMail(locale: string, name: string, e: EventRef, url: string): MailContent {
	return {
		subject: m.event_mail_feedback_subject({ title: e.title }, o(locale)),
		text: m.event_mail_feedback_body({ name, title: e.title, url }, o(locale))
	};
}
