// How a person's name is shown; kept free of server code so pages can use it.
import { m } from './paraglide/messages.js';

/**
 * Erasure keeps no name: the rows the organisation keeps (the emptied account, an anonymised
 * registration) hold an empty name, and the account is marked erased. Pages show it through
 * `personName` in the reader's language; the API gives `null` (`apiPersonName`).
 */
export const ERASED_NAME = '';

/** What erasure wrote before it stored no name; rows that still hold it read as erased. */
const LEGACY_MARKER = 'Former user';

const erased = (name: string) => name === ERASED_NAME || name === LEGACY_MARKER;

/** A person's name as shown: an erased person as "former user" in the reader's language; no person at all as the fallback. */
export function personName(name: string | null | undefined, fallback = '—'): string {
	if (name === null || name === undefined) return fallback;
	return erased(name) ? m.former_user() : name;
}

/** A person's name in the API: `null` for a person whose data was erased, whatever the reader's language. */
export function apiPersonName(name: string | null | undefined): string | null {
	return name === null || name === undefined || erased(name) ? null : name;
}
