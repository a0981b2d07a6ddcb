// How a person's name is shown; kept free of server code so pages can use it.
import { m } from './paraglide/messages.js';

/**
 * Erasure keeps no name: the rows the organisation keeps (the emptied account, an anonymised
 * registration) hold an empty name, and the account is marked erased. Pages show it through
 * `personName` in the reader's language; the API gives `null` (`apiPersonName`).
 */
export const ERASED_NAME = '';

/**
 * What erasure and the retention of guest registrations wrote before they stored no name (English
 * words, whatever the reader's language); rows that still hold them read as erased.
 */
const LEGACY_MARKERS = new Set(['Former user', 'Anonymised guest']);

const erased = (name: string) => name === ERASED_NAME || LEGACY_MARKERS.has(name);

/** The undeliverable address erasure and retention leave in a row whose e-mail column must stay filled. */
export const isErasedAddress = (email: string) => email.endsWith('@erased.invalid');

/** A person's name as shown: an erased person as "former user" in the reader's language; no person at all as the fallback. */
export function personName(name: string | null | undefined, fallback = '—'): string {
	if (name === null || name === undefined) return fallback;
	return erased(name) ? m.former_user() : name;
}

/** A person's name in the API: `null` for a person whose data was erased, whatever the reader's language. */
export function apiPersonName(name: string | null | undefined): string | null {
	return name === null || name === undefined || erased(name) ? null : name;
}
