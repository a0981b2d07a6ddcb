// IANA zone names as people know them today. Intl.supportedValuesOf still lists some zones under
// names retired by IANA (Asia/Calcutta), so the chooser would offer a city by a name it no longer has.

/** Retired IANA names still found in ICU's list → the name IANA uses now. */
export const LEGACY_ZONES: Readonly<Record<string, string>> = {
	'Asia/Calcutta': 'Asia/Kolkata',
	'Asia/Saigon': 'Asia/Ho_Chi_Minh',
	'Asia/Katmandu': 'Asia/Kathmandu',
	'Asia/Rangoon': 'Asia/Yangon',
	'Europe/Kiev': 'Europe/Kyiv',
	'Atlantic/Faeroe': 'Atlantic/Faroe',
	'Pacific/Truk': 'Pacific/Chuuk',
	'Pacific/Ponape': 'Pacific/Pohnpei',
	'Pacific/Enderbury': 'Pacific/Kanton',
	'America/Godthab': 'America/Nuuk',
	'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
	'America/Catamarca': 'America/Argentina/Catamarca',
	'America/Cordoba': 'America/Argentina/Cordoba',
	'America/Jujuy': 'America/Argentina/Jujuy',
	'America/Mendoza': 'America/Argentina/Mendoza',
	'America/Indianapolis': 'America/Indiana/Indianapolis',
	'America/Louisville': 'America/Kentucky/Louisville'
};

/** The current name of a zone; names that were never renamed come back unchanged. */
export const currentZoneName = (zone: string) => LEGACY_ZONES[zone] ?? zone;

/** Every zone the runtime knows, by current name, once each, UTC first. */
export function zoneChoices(known: readonly string[]): { value: string; label: string }[] {
	const names = [...new Set(known.map(currentZoneName))].filter((z) => z !== 'UTC').sort();
	return ['UTC', ...names].map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
}

/**
 * How the viewer's column is labelled. Only a zone the person chose (account setting or the
 * chooser) is called "your time"; a zone guessed from the browser, or the UTC fallback, is
 * named, so a guest never reads UTC as if it were their own clock.
 */
export const viewerZoneLabel = (chosen: boolean): 'yours' | 'named' => (chosen ? 'yours' : 'named');
