import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

// iCalendar files (RFC 5545). Times are written in UTC, which every client converts to its own
// zone; the organiser's zone travels as X-SUPPORT-HUB-TZ for reference only.

export type CalendarEvent = {
	id: string;
	title: string;
	description: string;
	startsAt: Date;
	endsAt: Date;
	timeZone: string;
	status: 'draft' | 'published' | 'cancelled';
	updatedAt: Date;
	/** Raised on every change of the event; calendar clients keep the entry with the highest. */
	sequence: number;
};

const PROD_ID = { company: 'Support Hub', product: 'Events', language: 'EN' };
const uid = (id: string) => `${id}@events.support-hub`;

/**
 * The public feed of the catalogue: titles, times and a link to each public page. Never a
 * meeting link, never anything about who registered.
 */
export function catalogueCalendar(list: CalendarEvent[], opts: { baseURL: string; name: string }): string {
	const cal = ical({ name: opts.name, prodId: PROD_ID, method: ICalCalendarMethod.PUBLISH });
	for (const e of list) {
		cal.createEvent({
			id: uid(e.id),
			start: e.startsAt,
			end: e.endsAt,
			stamp: e.updatedAt,
			sequence: e.sequence,
			summary: e.title,
			description: e.description,
			url: `${opts.baseURL}/events/${e.id}`,
			status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
			x: { 'X-SUPPORT-HUB-TZ': e.timeZone }
		});
	}
	return cal.toString();
}

/**
 * One person's calendar file. The join link is written only for a confirmed place; otherwise the
 * entry points to the person's own registration page.
 */
export function registrationCalendar(
	e: CalendarEvent & { meetingUrl: string },
	r: { id: string; status: string; manageUrl: string },
	opts: { joinLabel: string; manageLabel: string }
): string {
	const cal = ical({ prodId: PROD_ID, method: ICalCalendarMethod.PUBLISH });
	const confirmed = r.status === 'confirmed' && e.status === 'published';
	const lines = [e.description, confirmed && e.meetingUrl ? `${opts.joinLabel}: ${e.meetingUrl}` : '', `${opts.manageLabel}: ${r.manageUrl}`];
	cal.createEvent({
		id: uid(e.id),
		start: e.startsAt,
		end: e.endsAt,
		stamp: e.updatedAt,
		sequence: e.sequence,
		summary: e.title,
		description: lines.filter(Boolean).join('\n\n'),
		location: confirmed && e.meetingUrl ? e.meetingUrl : null,
		url: confirmed && e.meetingUrl ? e.meetingUrl : r.manageUrl,
		status: e.status === 'cancelled' || r.status === 'cancelled' ? ICalEventStatus.CANCELLED : confirmed ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
		x: { 'X-SUPPORT-HUB-TZ': e.timeZone }
	});
	return cal.toString();
}
