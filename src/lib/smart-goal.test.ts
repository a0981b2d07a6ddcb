import { describe, expect, it } from 'vitest';
import { checkSmartGoal } from './smart-goal.ts';

describe('SMART goal check', () => {
	it('finds a target, a date and an owner in a complete English goal', () => {
		const r = checkSmartGoal('By December 2027 the Ministry of Finance publishes 80% of contracts as open data');
		expect(r).toEqual({ measurable: true, dated: true, owned: true, missing: [] });
	});

	it('does not count a year as a measurable target', () => {
		expect(checkSmartGoal('The government adopts open contracting by 2027').missing).toEqual(['measurable']);
	});

	it('does not count a time frame as a measurable target', () => {
		expect(checkSmartGoal('Within 6 months the ministry improves transparency').missing).toEqual(['measurable']);
	});

	it('reads a relative time frame as a date', () => {
		expect(checkSmartGoal('We publish all tenders within six months').dated).toBe(true);
	});

	it('lists every missing part for a vague goal', () => {
		expect(checkSmartGoal('More transparency in procurement').missing).toEqual(['measurable', 'dated', 'owned']);
	});

	it('reads Spanish goals', () => {
		const r = checkSmartGoal('Para diciembre de 2027 el ministerio publica el 100 % de los contratos de salud');
		expect(r.missing).toEqual([]);
		expect(checkSmartGoal('Mejorar la transparencia').missing).toEqual(['measurable', 'dated', 'owned']);
	});

	it('reads French goals', () => {
		const r = checkSmartGoal("D'ici 2027, le gouvernement publie tous les contrats de travaux publics");
		expect(r.missing).toEqual([]);
		expect(checkSmartGoal('Plus de transparence').missing).toEqual(['measurable', 'dated', 'owned']);
	});

	it('counts a quantity written in words', () => {
		expect(checkSmartGoal('We train fifty buyers').measurable).toBe(true);
	});
});
