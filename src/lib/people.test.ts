import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from './paraglide/runtime.js';
import { apiPersonName, ERASED_NAME, isErasedAddress, personName } from './people.ts';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

describe('personName', () => {
	it('shows an erased person (no name stored) as “former user” in the reader’s language', () => {
		overwriteGetLocale(() => 'es');
		expect(personName(ERASED_NAME)).toBe('Usuario anterior');
		overwriteGetLocale(() => 'fr');
		expect(personName(ERASED_NAME)).toBe('Ancien utilisateur');
		overwriteGetLocale(() => 'en');
		expect(personName(ERASED_NAME)).toBe('Former user');
	});
	it('reads the marker older erasures wrote the same way', () => {
		overwriteGetLocale(() => 'fr');
		expect(personName('Former user')).toBe('Ancien utilisateur');
		// and the marker anonymised guest registrations carried
		expect(personName('Anonymised guest')).toBe('Ancien utilisateur');
		expect(apiPersonName('Anonymised guest')).toBeNull();
	});
	it('tells the address erasure leaves from a real one', () => {
		expect(isErasedAddress('erased-0b6c@erased.invalid')).toBe(true);
		expect(isErasedAddress('ana@example.org')).toBe(false);
	});
	it('leaves other names alone and falls back when there is no person', () => {
		expect(personName('Rafael Reviewer')).toBe('Rafael Reviewer');
		expect(personName(null)).toBe('—');
		expect(personName(undefined, 'system')).toBe('system');
	});
	it('gives the API null for an erased person, in every language', () => {
		expect(apiPersonName(ERASED_NAME)).toBeNull();
		expect(apiPersonName('Former user')).toBeNull();
		expect(apiPersonName(null)).toBeNull();
		expect(apiPersonName('Rafael Reviewer')).toBe('Rafael Reviewer');
	});
});
