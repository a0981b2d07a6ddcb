// ISO 3166-1 alpha-2 codes; names come from Intl.DisplayNames in the reader's language.
export const COUNTRY_CODES = (
	'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
	'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
	'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
	'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
	'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
	'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
	'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

export const WORKING_LANGUAGES = ['en', 'es', 'fr', 'pt', 'ar', 'ru', 'zh', 'sw', 'id', 'uk', 'hi', 'tr', 'am', 'ha', 'ne', 'tl'];

const cache = new Map<string, Intl.DisplayNames>();
function names(locale: string, type: 'region' | 'language') {
	const key = `${locale}:${type}`;
	let n = cache.get(key);
	if (!n) {
		n = new Intl.DisplayNames([locale], { type });
		cache.set(key, n);
	}
	return n;
}

// Each name is looked up once per language: the catalogue names every event's languages, and
// Intl.DisplayNames costs more per call than a map.
const named = new Map<string, string>();
function nameOf(type: 'region' | 'language', code: string, locale: string): string {
	const key = `${type} ${locale} ${code}`;
	let name = named.get(key);
	if (name === undefined) {
		name = names(locale, type).of(code) ?? code;
		// Bounded: codes × languages in use; odd input cannot grow it without end.
		if (named.size >= 20_000) named.clear();
		named.set(key, name);
	}
	return name;
}

export const countryName = (code: string, locale: string) => nameOf('region', code, locale);
export const languageName = (code: string, locale: string) => nameOf('language', code, locale);

/** Languages named in the reader's language and joined as a sentence would ("inglés y francés"). */
export const languageList = (codes: readonly string[], locale: string) =>
	new Intl.ListFormat([locale], { type: 'conjunction' }).format(codes.map((c) => languageName(c, locale)));

const sortedCountries = new Map<string, { code: string; name: string }[]>();

/** Countries in the reader's alphabetical order; computed once per language, not per page. */
export function countryOptions(locale: string) {
	let list = sortedCountries.get(locale);
	if (!list) {
		const collator = new Intl.Collator(locale);
		list = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
			collator.compare(a.name, b.name)
		);
		sortedCountries.set(locale, list);
	}
	return list;
}

/** Case, accents and punctuation aside, so "cote d'ivoire" finds "Côte d’Ivoire". */
export const normaliseCountryName = (s: string) =>
	s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

let byName: Map<string, string> | undefined;

/**
 * The code of a country typed by name in any of the hub's languages, or given as its code; null
 * when nothing matches. A country field is a text box with suggestions, so what arrives may be a
 * name as the browser's suggestion list spelled it.
 */
export function countryCodeFrom(input: string): string | null {
	const typed = input.trim();
	if (!typed) return null;
	const upper = typed.toUpperCase();
	if (typed.length === 2 && COUNTRY_CODES.includes(upper)) return upper;
	if (!byName) {
		byName = new Map();
		for (const locale of ['en', 'es', 'fr'])
			for (const code of COUNTRY_CODES) byName.set(normaliseCountryName(countryName(code, locale)), code);
	}
	return byName.get(normaliseCountryName(typed)) ?? null;
}
