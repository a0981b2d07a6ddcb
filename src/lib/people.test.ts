import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from './paraglide/runtime.js';
import { FORMER_USER, personName } from './people.ts';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

describe('personName', () => {
	it('shows an erased person as “former user” in the reader’s language', () => {
		overwriteGetLocale(() => 'es');
		expect(personName(FORMER_USER)).toBe('Usuario anterior');
		overwriteGetLocale(() => 'fr');
		expect(personName(FORMER_USER)).toBe('Ancien utilisateur');
		overwriteGetLocale(() => 'en');
		expect(personName(FORMER_USER)).toBe('Former user');
	});
	it('leaves other names alone and falls back when there is none', () => {
		expect(personName('Rafael Reviewer')).toBe('Rafael Reviewer');
		expect(personName(null)).toBe('—');
		expect(personName(undefined, 'system')).toBe('system');
	});
});
