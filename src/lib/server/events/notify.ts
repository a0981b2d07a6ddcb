import { m } from '#lib/paraglide/messages.js';
import type { DbOrTx } from '../db/types.ts';
import { toLocale } from '../i18n.ts';
import { queueMails, type OutgoingMail } from '../mail/mailer.ts';
import { registrationCalendar } from './calendar.ts';
import { cancelledMail, confirmationMail, declinedMail, promotedMail, rescheduledMail } from './mail.ts';
import type { eventRegistrations, events } from './schema.ts';
import { manageUrl } from './tokens.ts';

type Event = typeof events.$inferSelect;
type Registration = typeof eventRegistrations.$inferSelect;

/** The person's calendar file, in their language; the join link only when their place is confirmed. */
export function calendarFor(e: Event, r: Pick<Registration, 'id' | 'status' | 'locale'>): string {
	const o = { locale: toLocale(r.locale) };
	return registrationCalendar(e, { id: r.id, status: r.status, manageUrl: manageUrl(r.id) }, { joinLabel: m.event_join_link({}, o), manageLabel: m.event_manage_link({}, o) });
}

export type Notice = 'registered' | 'promoted' | 'declined' | 'event_cancelled' | 'event_rescheduled';

export function noticeMail(kind: Notice, e: Event, r: Registration): OutgoingMail {
	const url = manageUrl(r.id);
	const content =
		kind === 'registered'
			? confirmationMail(r.locale, r.name, e, r.status, url)
			: kind === 'promoted'
				? promotedMail(r.locale, r.name, e, url)
				: kind === 'declined'
					? declinedMail(r.locale, r.name, e)
					: kind === 'event_rescheduled'
						? rescheduledMail(r.locale, r.name, e, url)
						: cancelledMail(r.locale, r.name, e);
	// A change of time or a cancellation always carries the file, so the person's calendar moves or drops the entry.
	const withCalendar = ((kind === 'registered' || kind === 'promoted') && r.status === 'confirmed') || kind === 'event_rescheduled' || kind === 'event_cancelled';
	return {
		kind: `event_${kind}`,
		to: r.email,
		locale: r.locale,
		...content,
		attachments: withCalendar ? [{ filename: 'event.ics', content: calendarFor(e, r), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : undefined
	};
}

/** Written to the outbox in the transaction that owes the mails; the delivery worker sends them after it commits. */
export async function deliver(tx: DbOrTx, mails: OutgoingMail[]) {
	await queueMails(tx, mails);
}
