import { describe, expect, it } from 'vitest';
import { countryCode, optionalCountryCode } from './country.ts';

describe('a country field', () => {
	it('keeps the code of a country given by name or by code', () => {
		expect(countryCode.parse(' Kenya ')).toBe('KE');
		expect(countryCode.parse('mx')).toBe('MX');
		expect(optionalCountryCode.parse('Sénégal')).toBe('SN');
	});

	it('refuses a name that matches no country, and an empty required field, each with its own message', () => {
		const unknown = countryCode.safeParse('Atlantis').error?.issues[0].message;
		const empty = countryCode.safeParse('').error?.issues[0].message;
		expect(unknown).toBeTruthy();
		expect(empty).toBeTruthy();
		expect(unknown).not.toBe(empty);
		expect(optionalCountryCode.safeParse('Atlantis').success).toBe(false);
	});

	it('may be left empty where it is optional', () => {
		expect(optionalCountryCode.parse('')).toBe('');
		expect(optionalCountryCode.parse(undefined)).toBe('');
	});
});
