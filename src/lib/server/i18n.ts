import { LOCALES, type Locale } from '../roles.ts';

export const toLocale = (value: string | null | undefined): Locale =>
	(LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'en';

/** IANA zone names the runtime knows; anything else is refused. */
export function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}
