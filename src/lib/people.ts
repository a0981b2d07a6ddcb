// How a person's name is shown; kept free of server code so pages can use it.
import { m } from './paraglide/messages.js';

/**
 * What erasure stores in place of a person's name in the records the organisation keeps. It is a
 * marker, not the text readers see: pages show it through `personName`, in the reader's language
 * (it reads as English only where no page stands in between, such as a raw API field).
 */
export const FORMER_USER = 'Former user';

/** A person's name as shown: an erased person as "former user" in the reader's language. */
export function personName(name: string | null | undefined, fallback = '—'): string {
	if (name === null || name === undefined || name === '') return fallback;
	return name === FORMER_USER ? m.former_user() : name;
}
