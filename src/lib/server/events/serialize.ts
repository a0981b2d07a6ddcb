import { apiPersonName, isErasedAddress } from '../../people.ts';
import type { eventRegistrations, events } from './schema.ts';
import { manageUrl } from './tokens.ts';

type Event = typeof events.$inferSelect;

/** An event as the API gives it: no meeting link (it travels only in a person's own calendar file). */
export function eventJson(e: Event) {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { meetingUrl, createdBy, ...rest } = e;
	return rest;
}

/** A registration as its owner sees it: with the personal link, never the token's hash. */
export function registrationJson(r: typeof eventRegistrations.$inferSelect) {
	return { id: r.id, eventId: r.eventId, name: apiPersonName(r.name), email: isErasedAddress(r.email) ? null : r.email, status: r.status, attended: r.attended, createdAt: r.createdAt, manageUrl: manageUrl(r.id) };
}
