import { describe, expect, it } from 'vitest';
import { bandFor } from './bands.ts';
import { weightedScore } from './scoring.ts';
import { weightSensitivity } from './sensitivity.ts';

const bands = [
	{ code: 'invest', min: 70 },
	{ code: 'discuss', min: 45 },
	{ code: 'decline', min: 0 }
];
const crit = (keys: string[], weight = 1) => keys.map((key) => ({ key, weight, polarity: 'positive' as const }));

describe('weight sensitivity', () => {
	it('a criterion that sits on a band edge is fragile', () => {
		// (4 + 1.7) / 8 = 71.25 %: invest, just above the 70 % edge.
		const [a, b] = weightSensitivity(crit(['a', 'b']), { a: 4, b: 1.7 }, bands);
		expect(b.robust).toBe(false);
		expect(b.change).toBeGreaterThan(0);
		expect(a.robust).toBe(false);
		expect(a.change).toBeLessThan(0);
	});
	it('the weight it reports really changes the band', () => {
		const criteria = crit(['a', 'b', 'c']);
		const levels = { a: 4, b: 1, c: 2 };
		const before = bandFor(weightedScore(criteria, levels).score, bands)?.code;
		for (const s of weightSensitivity(criteria, levels, bands)) {
			if (s.tippingWeight === null) continue;
			const after = bandFor(weightedScore(criteria, levels, { [s.key]: s.tippingWeight }).score, bands)?.code;
			expect(after).not.toBe(before);
		}
	});
	it('a criterion scored at the overall result cannot move it and is robust', () => {
		const s = weightSensitivity(crit(['a', 'b', 'c']), { a: 4, b: 1.7, c: 2.85 }, bands);
		expect(s.find((x) => x.key === 'c')).toMatchObject({ tippingWeight: null, robust: true });
	});
	it('a criterion that cannot move the band at any weight is robust', () => {
		// Everything at the top: no weight on any criterion leaves "invest".
		const s = weightSensitivity(crit(['a', 'b']), { a: 4, b: 4 }, bands);
		expect(s.every((x) => x.robust && x.tippingWeight === null)).toBe(true);
	});
	it('unknown criteria are left out', () => {
		const s = weightSensitivity(crit(['a', 'b']), { a: 3, b: null }, bands);
		expect(s.map((x) => x.key)).toEqual(['a']);
	});
	it('a large move needed is robust, a small one fragile', () => {
		const criteria = crit(['a', 'b', 'c', 'd'], 1);
		const levels = { a: 4, b: 4, c: 4, d: 0 }; // 75 % → invest; d's weight up by 2/7 drops it to 70 % − ε
		const d = weightSensitivity(criteria, levels, bands).find((x) => x.key === 'd')!;
		expect(d.change).toBeCloseTo(2 / 7, 3);
		expect(d.robust).toBe(false);
		const heavy = weightSensitivity(crit(['a', 'b', 'c', 'd'], 1), { a: 4, b: 4, c: 4, d: 3 }, bands).find((x) => x.key === 'd')!;
		expect(heavy.tippingWeight).toBeNull();
		expect(heavy.robust).toBe(true);
	});
});
