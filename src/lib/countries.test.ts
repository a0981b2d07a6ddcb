import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryCodeFrom, countryName } from './countries.ts';

describe('a country typed by name', () => {
	it('is found in any of the hub’s languages, whatever the case, accents or apostrophes', () => {
		expect(countryCodeFrom('Kenya')).toBe('KE');
		expect(countryCodeFrom('kenia')).toBe('KE');
		expect(countryCodeFrom('  MEXICO ')).toBe('MX');
		expect(countryCodeFrom('Sénégal')).toBe('SN');
		expect(countryCodeFrom("cote d'ivoire")).toBe('CI');
	});

	it('may be given as its code, as the API and links do', () => {
		expect(countryCodeFrom('pe')).toBe('PE');
		expect(countryCodeFrom('KE')).toBe('KE');
	});

	it('finds every country by the name the hub shows for it, in each language', () => {
		for (const locale of ['en', 'es', 'fr']) for (const code of COUNTRY_CODES) expect(countryCodeFrom(countryName(code, locale))).toBe(code);
	});

	it('is not guessed when nothing matches', () => {
		expect(countryCodeFrom('Atlantis')).toBeNull();
		expect(countryCodeFrom('Ken')).toBeNull();
		expect(countryCodeFrom('ZZ')).toBeNull();
		expect(countryCodeFrom('')).toBeNull();
	});
});
