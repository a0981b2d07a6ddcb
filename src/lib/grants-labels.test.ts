import { describe, expect, it } from 'vitest';
import { calendarDate, money, tr } from './grants-labels.ts';

describe('grant labels', () => {
	it('amounts are whole units in the reader’s format, and a reused formatter gives the same result', () => {
		expect(money(5000, 'USD', 'en')).toBe('$5,000');
		expect(money(5000, 'USD', 'en')).toBe('$5,000');
		expect(money(5000, 'EUR', 'fr')).toMatch(/^5\s000\s€$/);
	});
	it('a calendar date is the same date in every time zone', () => {
		expect(calendarDate('2026-11-22', 'en')).toBe('Nov 22, 2026');
	});
	it('programme texts fall back to English', () => {
		expect(tr({ en: 'Budget', es: 'Presupuesto' }, 'fr')).toBe('Budget');
		expect(tr({ en: 'Budget', es: 'Presupuesto' }, 'es')).toBe('Presupuesto');
	});
});
