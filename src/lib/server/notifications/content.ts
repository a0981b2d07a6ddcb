import { m } from '#lib/paraglide/messages.js';
import { toLocale } from '../i18n.ts';
import type { NotificationCategory } from '../../notifications/categories.ts';

// What a notice says, in the reader's language. Deliberately generic: the kind of thing that
// happened and a link. Partner names and application content stay behind the link, where the
// reader's own permissions decide what they see.

export function notificationTitle(category: NotificationCategory, locale: string): string {
	const o = { locale: toLocale(locale) };
	switch (category) {
		case 'assigned':
			return m.notifications_title_assigned({}, o);
		case 'request_submitted':
			return m.notifications_title_request_submitted({}, o);
		case 'clinic_requested':
			return m.notifications_title_clinic_requested({}, o);
		case 'application_submitted':
			return m.notifications_title_application_submitted({}, o);
		case 'information_answered':
			return m.notifications_title_information_answered({}, o);
		case 'decision':
			return m.notifications_title_decision({}, o);
		case 'payment_recorded':
			return m.notifications_title_payment_recorded({}, o);
		case 'report_submitted':
			return m.notifications_title_report_submitted({}, o);
		case 'report_overdue':
			return m.notifications_title_report_overdue({}, o);
		case 'event_changed':
			return m.notifications_title_event_changed({}, o);
		case 'waitlist_offered':
			return m.notifications_title_waitlist_offered({}, o);
		case 'contact_message':
			return m.notifications_title_contact_message({}, o);
	}
}

/** The label of a category on the settings page. */
export function categoryLabel(category: NotificationCategory, locale: string): string {
	const o = { locale: toLocale(locale) };
	switch (category) {
		case 'assigned':
			return m.notifications_cat_assigned({}, o);
		case 'request_submitted':
			return m.notifications_cat_request_submitted({}, o);
		case 'clinic_requested':
			return m.notifications_cat_clinic_requested({}, o);
		case 'application_submitted':
			return m.notifications_cat_application_submitted({}, o);
		case 'information_answered':
			return m.notifications_cat_information_answered({}, o);
		case 'decision':
			return m.notifications_cat_decision({}, o);
		case 'payment_recorded':
			return m.notifications_cat_payment_recorded({}, o);
		case 'report_submitted':
			return m.notifications_cat_report_submitted({}, o);
		case 'report_overdue':
			return m.notifications_cat_report_overdue({}, o);
		case 'event_changed':
			return m.notifications_cat_event_changed({}, o);
		case 'waitlist_offered':
			return m.notifications_cat_waitlist_offered({}, o);
		case 'contact_message':
			return m.notifications_cat_contact_message({}, o);
	}
}

let base = 'http://localhost:3000';
/** The hub's public address for links in mail; set once at start. */
export function setNotificationBaseUrl(url: string) {
	base = url.replace(/\/$/, '');
}
export const absolute = (href: string) => `${base}${href}`;

export function immediateMail(category: NotificationCategory, href: string, locale: string) {
	const o = { locale: toLocale(locale) };
	const title = notificationTitle(category, locale);
	return { subject: title, text: m.notifications_mail_body({ title, url: absolute(href), settings: absolute('/settings/notifications') }, o) };
}

export function digestMail(items: { category: NotificationCategory; href: string }[], locale: string) {
	const o = { locale: toLocale(locale) };
	const lines = items.map((i) => `- ${notificationTitle(i.category, locale)}: ${absolute(i.href)}`).join('\n');
	return {
		subject: m.notifications_digest_subject({ count: String(items.length) }, o),
		text: m.notifications_digest_body({ lines, url: absolute('/notifications'), settings: absolute('/settings/notifications') }, o)
	};
}
