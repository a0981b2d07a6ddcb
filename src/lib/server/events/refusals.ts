import { m } from '#lib/paraglide/messages.js';
import { DomainError } from '../errors.ts';
import type { RefusalReason } from './registration-rules.ts';

/** A refused registration as an error in the reader's language; nothing has been saved. */
export function refusal(reason: RefusalReason): DomainError {
	const message = {
		not_open: m.event_refused_not_open,
		not_yet_open: m.event_refused_not_yet_open,
		closed: m.event_refused_closed,
		past: m.event_refused_past,
		full: m.event_refused_full
	}[reason]();
	return new DomainError(reason === 'not_open' ? 'NOT_FOUND' : 'CONFLICT', message);
}
