import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, DEFAULT_CRITERIA, DEFAULT_GATE } from './default-criteria.ts';
import { consolidate } from './result.ts';

const set = { criteria: DEFAULT_CRITERIA, bands: DEFAULT_BANDS, gate: DEFAULT_GATE };
const all = (level: number) => Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.key, level]));

describe('consolidated result', () => {
	it('the seeded set has eleven criteria with five descriptors each in three languages', () => {
		expect(DEFAULT_CRITERIA).toHaveLength(11);
		for (const c of DEFAULT_CRITERIA) {
			expect(c.descriptors).toHaveLength(5);
			for (const text of [c.title, c.question, ...c.descriptors]) for (const l of ['en', 'es', 'fr'] as const) expect(text[l].length).toBeGreaterThan(2);
		}
	});
	it('opposition runs the other way, so no opposition is the most favourable answer', () => {
		const r = consolidate(set, [{ ...all(4), opposition: 0 }]);
		expect(r.score).toBe(100);
		expect(r.band).toBe('invest');
	});
	it('a poor physical-security answer gates the result whatever the total', () => {
		const r = consolidate(set, [{ ...all(4), opposition: 0 }, { ...all(4), opposition: 0, physical_security: 1 }]);
		expect(r.band).toBe('invest');
		expect(r.gate).toBe('blocked');
	});
	it('a disagreement of two levels is flagged on that criterion only', () => {
		const r = consolidate(set, [all(3), { ...all(3), mandate: 1 }]);
		expect(r.criteria.filter((c) => c.disagreement).map((c) => c.key)).toEqual(['mandate']);
	});
	it('unknown answers are gaps and do not lower the score', () => {
		const known = consolidate(set, [{ ...all(3), opposition: 1 }]);
		const withGap = consolidate(set, [{ ...all(3), opposition: 1, resources: null }]);
		expect(withGap.score).toBeCloseTo(known.score!, 6);
		expect(withGap.gaps).toEqual([{ key: 'resources', unknown: 1 }]);
	});
	it('without submitted assessments there is no score, band or gate', () => {
		expect(consolidate(set, [])).toMatchObject({ score: null, band: null, gate: 'unknown', sensitivity: [] });
	});
});
