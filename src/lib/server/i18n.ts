import { LOCALES, type Locale } from '../roles.ts';

export const toLocale = (value: string | null | undefined): Locale =>
	(LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'en';

const knownZones = new Set<string>();

/**
 * IANA zone names the runtime knows; anything else is refused. Every signed-in request asks about
 * its person's zone, so a zone once found valid is remembered (building a formatter to find out
 * costs more than the rest of reading the person).
 */
export function isTimeZone(value: string): boolean {
	if (knownZones.has(value)) return true;
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
	} catch {
		return false;
	}
	// Bounded: the runtime knows a few hundred zones and their aliases.
	if (knownZones.size < 2_000) knownZones.add(value);
	return true;
}
