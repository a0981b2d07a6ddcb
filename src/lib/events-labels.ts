import { m } from '#lib/paraglide/messages.js';

// Stored event codes → words in the reader's language.
export const registrationStatusLabel = (s: string) =>
	(({
		pending: m.event_reg_pending,
		confirmed: m.event_reg_confirmed,
		waitlisted: m.event_reg_waitlisted,
		cancelled: m.event_reg_cancelled,
		declined: m.event_reg_declined
	}) as Record<string, () => string>)[s]?.() ?? s;

export const eventStatusLabel = (s: string) =>
	(({ draft: m.event_status_draft, published: m.event_status_published, cancelled: m.event_status_cancelled }) as Record<string, () => string>)[s]?.() ?? s;

export const termKindLabel = (k: string) =>
	(({ format: m.event_field_format, level: m.event_field_level, topic: m.event_field_topic }) as Record<string, () => string>)[k]?.() ?? k;

export const refusalLabel = (reason: string) =>
	(({
		not_open: m.event_refused_not_open,
		not_yet_open: m.event_refused_not_yet_open,
		closed: m.event_refused_closed,
		past: m.event_refused_past,
		full: m.event_refused_full
	}) as Record<string, () => string>)[reason]?.() ?? reason;
